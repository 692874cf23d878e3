package io.connectionbroker.testing.function;

import io.connectionbroker.gateway.GatewayRequest;
import io.connectionbroker.gateway.GatewayResponse;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every request a module's function tests send and the answer they get, one JSON object per line, so that
 * the openapi module can check each real answer against the OpenAPI document. Test data only: the keys
 * and codes in it were made by the tests against a throw-away table.
 */
final class HttpExchangeRecording {
    /** Where a module's function tests leave their exchanges, relative to the module. */
    static final Path RECORD = Path.of("target", "http-exchanges.jsonl");

    private static boolean started;

    private HttpExchangeRecording() {
    }

    static synchronized void record(JsonMapper json, GatewayRequest request, GatewayResponse response) {
        Map<String, Object> exchange = new LinkedHashMap<>();
        exchange.put("method", request.method());
        exchange.put("path", request.rawPath());
        exchange.put("query", request.rawQueryString());
        exchange.put("requestHeaders", request.headers());
        exchange.put("requestBody", request.body());
        exchange.put("status", response.status());
        exchange.put("responseContentType", response.header("Content-Type").orElse(null));
        exchange.put("responseHeaders", response.headers());
        exchange.put("responseBody", response.body());
        try {
            Files.createDirectories(RECORD.getParent());
            // The first exchange of a test run replaces what an earlier run left.
            StandardOpenOption mode = started ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
            started = true;
            Files.write(RECORD, (json.writeValueAsString(exchange) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
