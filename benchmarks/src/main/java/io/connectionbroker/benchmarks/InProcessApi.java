package io.connectionbroker.benchmarks;

import io.connectionbroker.gateway.GatewayRequest;
import io.connectionbroker.gateway.GatewayResponse;
import io.connectionbroker.gateway.HttpApiGateway;
import io.connectionbroker.testing.DynamoDbLocalEngine;
import io.connectionbroker.web.telemetry.MetricLines;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every function's routes in one warm handler in this JVM, answering API Gateway v2 events on one table. */
final class InProcessApi implements AutoCloseable {
    private final APIGatewayV2HTTPEventFunction handler;
    private final HttpApiGateway gateway;

    InProcessApi(DynamoDbLocalEngine engine, String table) {
        this(engine, table, Map.of());
    }

    /** @param settings more settings of the context, for example {@link DynamoDbCalls#SETTING} */
    InProcessApi(DynamoDbLocalEngine engine, String table, Map<String, Object> settings) {
        ApplicationContext context = ApplicationContext.builder().properties(settings).properties(Map.of(
                "aws.services.dynamodb.endpoint-override", engine.endpoint().toString(),
                "aws.region", DynamoDbLocalEngine.REGION,
                "aws.access-key-id", DynamoDbLocalEngine.ACCESS_KEY,
                "aws.secret-key", DynamoDbLocalEngine.SECRET_KEY,
                "connection-broker.table-name", table,
                "connection-broker.idempotency.secret", "benchmark-only-secret-for-kept-answers-0123456789",
                // Only the cold starts measure start-up; the counted calls here are the requests' own.
                "connection-broker.warm-at-start", false,
                // One log line per request would measure the console, not the functions.
                "logger.levels.io.connectionbroker.web.telemetry.RequestLog", "WARN")).build();
        // Likewise its metric lines, which the benchmark's own output would carry by the thousand.
        context.registerSingleton(MetricLines.class, line -> { });
        handler = new APIGatewayV2HTTPEventFunction(context);
        gateway = new HttpApiGateway(handler, "benchmark");
    }

    /** A bean of the handler's own context. */
    <T> T bean(Class<T> type) {
        return handler.getApplicationContext().getBean(type);
    }

    GatewayResponse send(String method, String path, String query, String apiKey, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Authorization", List.of("Bearer " + apiKey));
        if (body != null) {
            headers.put("Content-Type", List.of("application/json"));
            headers.put("Content-Length", List.of(Integer.toString(body.getBytes(StandardCharsets.UTF_8).length)));
        }
        return gateway.send(new GatewayRequest(method, path, query, headers, body));
    }

    @Override
    public void close() {
        handler.close();
    }
}
