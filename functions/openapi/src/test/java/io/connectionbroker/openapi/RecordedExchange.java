package io.connectionbroker.openapi;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** One request a function test sent through a real handler, and the answer (see HttpExchangeRecording). */
record RecordedExchange(String module, String method, String path, String query, Map<String, List<String>> requestHeaders,
                        String requestBody, int status, Map<String, List<String>> responseHeaders,
                        String responseBody) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The modules whose function tests record their exchanges. */
    static final Path FUNCTIONS = Path.of("..");

    /** Every function module's record, by module; modules with no record are left out. */
    static Map<String, List<RecordedExchange>> all() {
        Map<String, List<RecordedExchange>> all = new TreeMap<>();
        try (Stream<Path> modules = Files.list(FUNCTIONS)) {
            for (Path module : modules.toList()) {
                Path record = module.resolve("target/http-exchanges.jsonl");
                if (Files.exists(record) && isLambda(module)) {
                    List<RecordedExchange> exchanges = new ArrayList<>();
                    for (String line : Files.readAllLines(record)) {
                        exchanges.add(read(module.getFileName().toString(), JSON.readTree(line)));
                    }
                    all.put(module.getFileName().toString(), exchanges);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /**
     * A module that deploys a Lambda function (it builds a shaded jar). Others record exchanges too (the
     * local module's generated hostile requests), which are checked for what they promise, not against
     * the document.
     */
    static boolean isLambda(Path module) throws IOException {
        Path pom = module.resolve("pom.xml");
        return Files.exists(pom) && Files.readString(pom).contains("<artifactId>maven-shade-plugin</artifactId>");
    }

    private static RecordedExchange read(String module, JsonNode node) {
        return new RecordedExchange(module, node.get("method").asText(), node.get("path").asText(),
                node.path("query").isTextual() ? node.get("query").asText() : "", headers(node.get("requestHeaders")),
                text(node.get("requestBody")), node.get("status").asInt(), headers(node.get("responseHeaders")),
                text(node.get("responseBody")));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Map<String, List<String>> headers(JsonNode node) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (node != null) {
            node.fields().forEachRemaining(field -> {
                List<String> values = new ArrayList<>();
                field.getValue().forEach(value -> values.add(value.asText()));
                headers.put(field.getKey(), values);
            });
        }
        return headers;
    }

    Request request() {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method, path);
        requestHeaders.forEach(builder::withHeader);
        if (requestBody != null) {
            builder.withBody(requestBody);
        }
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                String[] nameValue = pair.split("=", 2);
                builder.withQueryParam(decode(nameValue[0]), nameValue.length > 1 ? decode(nameValue[1]) : "");
            }
        }
        return builder.build();
    }

    Response response() {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
        responseHeaders.forEach(builder::withHeader);
        if (responseBody != null && !responseBody.isEmpty()) {
            builder.withBody(responseBody);
        }
        return builder.build();
    }

    boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /** The problem's {@code type}, or null when the answer is not a problem. */
    String problemType() {
        String contentType = responseHeaders.getOrDefault("Content-Type", List.of("")).get(0);
        if (!contentType.startsWith("application/problem+json") || responseBody == null) {
            return null;
        }
        try {
            return JSON.readTree(responseBody).path("type").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return module + ": " + method + " " + path + (query == null || query.isEmpty() ? "" : "?" + query)
                + (requestBody == null ? "" : " " + abbreviate(requestBody)) + " -> " + status + " "
                + abbreviate(responseBody);
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
