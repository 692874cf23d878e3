package io.connectionbroker.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.web.telemetry.JsonLogLines;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * The local API as README runs it, over real HTTP: register, initiate, accept and status for each platform
 * and each connection type, every request going through the API Gateway event path into the handler.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalApiTest {
    @TempDir
    static Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.createDefault();
    private LocalApi api;
    private int port;
    private int databasePort;

    /** What CONNECTION_BROKER_OPERATOR_TOKEN gives the local run; a system property reaches it the same way. */
    private static final String OPERATOR_TOKEN = "local-operator-token-for-this-test";

    @BeforeAll
    void start() throws Exception {
        System.setProperty("connection-broker.operator-token", OPERATOR_TOKEN);
        port = freePort();
        databasePort = freePort();
        api = LocalApi.start(port, databasePort, dataDir);
    }

    @AfterAll
    void stop() {
        System.clearProperty("connection-broker.operator-token");
        api.close();
    }

    @ParameterizedTest(name = "{0} initiates a {1} connection to {2}")
    @CsvSource({
        "ZENDESK, PUBLIC, FRESHDESK", "ZENDESK, PRIVATE, FRESHSERVICE", "ZENDESK, LOCAL, ZENDESK",
        "FRESHDESK, PUBLIC, FRESHSERVICE", "FRESHDESK, PRIVATE, ZENDESK", "FRESHDESK, LOCAL, FRESHDESK",
        "FRESHSERVICE, PUBLIC, ZENDESK", "FRESHSERVICE, PRIVATE, FRESHDESK", "FRESHSERVICE, LOCAL, FRESHSERVICE",
    })
    void theWholeLifecycleWorksForEachPlatformAndType(String platform, String type, String destinationPlatform)
            throws Exception {
        Registration initiator = register(platform, true);
        Registration destination = type.equals("LOCAL") ? initiator
                : register(destinationPlatform, !type.equals("PRIVATE"));
        String target = switch (type) {
            case "PRIVATE" -> "{\"private\": true}";
            default -> "{\"url\": \"" + destination.url + "\"}";
        };

        Answer initiated = post("/v1/connections", initiator.key, """
                {"destination": %s, "mode": "SCRIPT", "localShortName": "left", "remoteShortName": "right",
                 "description": "e2e", "project": "SUPPORT"}""".formatted(target));
        assertEquals(201, initiated.status, initiated.body);
        String id = initiated.text("connection", "id");
        assertEquals("/v1/connections/" + id, initiated.location);
        assertEquals(type, initiated.text("connection", "type"));
        assertEquals("PENDING", get("/v1/connections/" + id, initiator.key).text("status"));
        if (type.equals("PRIVATE")) {
            assertNull(initiated.text("connection", "destination", "url"));
        }

        Answer accepted = post("/v1/invitations/accept", destination.key,
                "{\"code\": \"" + initiated.text("invitation", "code") + "\", \"project\": \"HELP\"}");
        assertEquals(200, accepted.status, accepted.body);
        assertEquals("ACTIVE", accepted.text("connection", "status"));

        for (Registration side : new Registration[] {initiator, destination}) {
            Answer status = get("/v1/connections/" + id, side.key);
            assertEquals(200, status.status, status.body);
            assertEquals("ACTIVE", status.text("status"));
            assertEquals(destination.url, status.text("destination", "url"));
            assertEquals(destinationPlatform, status.text("destination", "platform"));
            assertEquals("HELP", status.text("destination", "project"));
            assertEquals(platform, status.text("source", "platform"));
        }
        Answer stranger = get("/v1/connections/" + id, register("ZENDESK", true).key);
        assertEquals(404, stranger.status, stranger.body);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "freshservice | local-admin           | 201 | ",
        "freshservice | local-agent           | 403 | not-an-administrator",
        "freshservice | wrong-credential      | 422 | ownership-not-proven",
        "zendesk      | standin-redirect      | 422 | ownership-not-proven",
        "zendesk      | standin-other-account | 422 | ownership-not-proven",
        "freshdesk    | standin-failing       | 503 | helpdesk-unavailable",
        "zendesk      | standin-garbled       | 503 | helpdesk-unavailable",
        "freshdesk    | standin-hang          | 503 | helpdesk-unavailable",
    })
    void registrationAsksTheHelpdeskWhoTheCredentialBelongsTo(String platform, String credential, int status,
                                                             String kind) throws Exception {
        String url = "https://t" + UUID.randomUUID().toString().replace("-", "") + "." + platform + ".com";

        Answer answer = post("/v1/instances", null, """
                {"url": "%s", "proof": {"kind": "OAUTH", "accessToken": "%s"}}""".formatted(url, credential));

        assertEquals(status, answer.status, answer.body);
        if (kind != null) {
            assertEquals("urn:connection-broker:problem:" + kind, answer.text("type"));
            // Nothing was registered: an administrator's proof registers the URL afterwards.
            assertEquals(201, post("/v1/instances", null, """
                    {"url": "%s", "proof": {"kind": "OAUTH", "accessToken": "local-admin"}}""".formatted(url)).status);
        } else {
            assertEquals(platform.toUpperCase(), answer.text("instance", "platform"));
        }
        assertFalse(answer.body.contains(credential), answer.body);
    }

    @Test
    void aPlatformThatIsNotTheHostsIs422() throws Exception {
        Answer answer = post("/v1/instances", null, """
                {"url": "https://mismatch.freshdesk.com", "platform": "ZENDESK",
                 "proof": {"kind": "API_KEY", "apiKey": "local-admin"}}""");

        assertEquals(422, answer.status, answer.body);
        assertEquals("urn:connection-broker:problem:platform-mismatch", answer.text("type"));
    }

    @Test
    void theOperatorTokenSetsALicenceAndAnInstanceKeyDoesNot() throws Exception {
        Registration acme = register("ZENDESK", true);
        String id = get("/v1/instances/me", acme.key).text("instance", "id");
        String path = "/v1/operator/instances/" + id + "/license";

        Answer byInstance = send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + acme.key)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"license\": \"PAID\"}")));
        Answer byOperator = send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + OPERATOR_TOKEN)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"license\": \"FREE\"}")));

        assertEquals(403, byInstance.status, byInstance.body);
        assertEquals(200, byOperator.status, byOperator.body);
        assertEquals("FREE", get("/v1/instances/me", acme.key).text("instance", "license"));
        Answer script = post("/v1/connections", acme.key, """
                {"destination": {"private": true}, "mode": "SCRIPT", "localShortName": "a", "remoteShortName": "b",
                 "project": "SUPPORT"}""");
        assertEquals(422, script.status, "SCRIPT needs TRIAL or PAID: " + script.body);
    }

    @Test
    void theApiAndItsDatabaseListenOnLoopbackOnly() throws Exception {
        assertEquals(List.of("127.0.0.1"), api.databaseHosts());
        Path sockets = Path.of("/proc/net/tcp");
        if (!java.nio.file.Files.isReadable(sockets)) {
            return;
        }
        // What the kernel says: each listening socket of the two ports is bound to 127.0.0.1, none to any address.
        for (int listening : List.of(port, databasePort)) {
            List<String> bound = new ArrayList<>();
            for (Path table : List.of(sockets, Path.of("/proc/net/tcp6"))) {
                if (!java.nio.file.Files.isReadable(table)) {
                    continue;
                }
                for (String line : java.nio.file.Files.readAllLines(table)) {
                    String[] columns = line.trim().split("\\s+");
                    if (columns.length > 3 && columns[1].endsWith(String.format(":%04X", listening))
                            && columns[3].equals("0A")) {
                        bound.add(columns[1].substring(0, columns[1].indexOf(':')));
                    }
                }
            }
            // 127.0.0.1, as IPv4 or IPv4-mapped IPv6, or ::1.
            List<String> loopback = List.of("0100007F", "0000000000000000FFFF00000100007F",
                    "00000000000000000000000001000000");
            assertFalse(bound.isEmpty(), "port " + listening + " is not listening");
            assertTrue(loopback.containsAll(bound), "port " + listening + " listens on " + bound);
        }
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        Registration acme = register("ZENDESK", true);
        Answer initiated = post("/v1/connections", acme.key, """
                {"destination": {"private": true}, "mode": "BASIC", "localShortName": "a", "remoteShortName": "b",
                 "project": "SUPPORT"}""");
        String id = initiated.text("connection", "id");

        api.close();
        api = LocalApi.start(port, databasePort, dataDir);

        Answer status = get("/v1/connections/" + id, acme.key);
        assertEquals(200, status.status, status.body);
        assertEquals("PENDING", status.text("status"));
    }

    @Test
    void aFullFlowLogsOneJsonLinePerRequestAndItsMetricsButNoKeyOrCode() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger requestLog = (Logger) LoggerFactory.getLogger("io.connectionbroker.web.telemetry.RequestLog");
        Level testLevel = requestLog.getLevel();
        requestLog.setLevel(Level.INFO);
        log.start();
        root.addAppender(log);
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new TeeOutputStream(stdout, printed), true, StandardCharsets.UTF_8));
        List<String> secrets = new ArrayList<>();
        int requests = 0;
        try {
            Registration acme = register("ZENDESK", true);
            Registration beta = register("FRESHDESK", true);
            String initiation = """
                    {"destination": {"url": "%s"}, "mode": "BASIC", "localShortName": "a", "remoteShortName": "b",
                     "project": "SUPPORT"}""".formatted(beta.url);
            String idempotencyKey = UUID.randomUUID().toString();
            Answer initiated = post("/v1/connections", acme.key, initiation, idempotencyKey);
            assertEquals(initiated.body, post("/v1/connections", acme.key, initiation, idempotencyKey).body,
                    "sent again with its Idempotency-Key, the first answer");
            String code = initiated.text("invitation", "code");
            String mistyped = code.substring(0, code.length() - 1) + (code.endsWith("0") ? "1" : "0");
            String forgedKey = acme.key.substring(0, 21) + "0".repeat(acme.key.length() - 21);
            secrets.addAll(List.of(acme.key, beta.key, code, mistyped, forgedKey));
            assertEquals(400, post("/v1/invitations/accept", beta.key,
                    "{\"code\": \"" + mistyped + "\", \"project\": \"HELP\"}").status);
            assertEquals(401, post("/v1/invitations/accept", forgedKey,
                    "{\"code\": \"" + code + "\", \"project\": \"HELP\"}").status);
            assertEquals(200, post("/v1/invitations/accept", beta.key,
                    "{\"code\": \"" + code + "\", \"project\": \"HELP\"}").status);
            assertEquals(409, post("/v1/invitations/accept", beta.key,
                    "{\"code\": \"" + code + "\", \"project\": \"HELP\"}").status);
            assertEquals(200, get("/v1/connections/" + initiated.text("connection", "id"), beta.key).status);
            assertEquals(404, get("/v1/connections/" + UUID.randomUUID(), beta.key).status);
            requests = 10;
        } finally {
            System.setOut(stdout);
            root.detachAppender(log);
            requestLog.setLevel(testLevel);
        }

        // The log lines exactly as the deployed functions write them.
        JsonEncoder encoder = JsonLogLines.encoder(root.getLoggerContext());
        List<JsonNode> requestLines = new ArrayList<>();
        for (ILoggingEvent event : log.list) {
            String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
            assertNoSecret(secrets, line);
            assertFalse(line.contains("local-admin"), "the registrations' helpdesk credential was written: " + line);
            JsonNode json = this.json.readValue(line, JsonNode.class);
            if ("io.connectionbroker.web.telemetry.RequestLog".equals(json.get("loggerName").getStringValue())) {
                requestLines.add(json);
            }
        }
        assertEquals(requests, requestLines.size(), "one line per request: " + requestLines);
        for (JsonNode line : requestLines) {
            for (String field : List.of("AWSRequestId", "method", "route", "status", "latencyMs")) {
                assertTrue(line.get(field) != null, field + " is missing from " + line);
            }
        }
        JsonNode accepted = requestLines.stream().filter(line -> "200".equals(line.get("status").getStringValue())
                && "/v1/invitations/accept".equals(line.get("route").getStringValue())).findFirst().orElseThrow();
        assertTrue(accepted.get("instanceId") != null, "the caller's instance: " + accepted);
        JsonNode status = requestLines.get(requestLines.size() - 2);
        assertEquals("/v1/connections/{id}", status.get("route").getStringValue());
        JsonNode notFound = requestLines.get(requestLines.size() - 1);
        assertEquals("connection-not-found", notFound.get("problem").getStringValue());
        assertEquals(status.get("instanceId"), notFound.get("instanceId"), "a refused read still names its caller");
        assertTrue(status.get("instanceId") != null, "the caller's instance: " + status);
        JsonNode refused = requestLines.stream().filter(line -> "409".equals(line.get("status").getStringValue()))
                .findFirst().orElseThrow();
        assertEquals("invitation-already-used", refused.get("problem").getStringValue());
        assertEquals(1, requestLines.stream().filter(line -> line.get("replayed") != null
                && "true".equals(line.get("replayed").getStringValue())).count(), "the replay is marked in the log");

        // The metrics, printed as embedded-metric-format lines.
        String metrics = printed.toString(StandardCharsets.UTF_8);
        assertNoSecret(secrets, metrics);
        List<String> emf = metrics.lines().filter(line -> line.startsWith("{\"_aws\"")).toList();
        for (String metric : List.of("ConnectionsInitiated", "InvitationsAccepted", "Refusals")) {
            assertTrue(emf.stream().anyMatch(line -> line.contains("\"Name\":\"" + metric + "\"")),
                    metric + " was not printed: " + emf);
        }
        assertTrue(emf.stream().anyMatch(line -> line.contains("\"ProblemType\":\"invitation-already-used\"")), emf.toString());
        assertEquals(1, emf.stream().filter(line -> line.contains("\"Name\":\"ConnectionsInitiated\"")).count(),
                "a replay counts nothing: " + emf);
    }

    private static void assertNoSecret(List<String> secrets, String text) {
        for (String secret : secrets) {
            assertFalse(text.contains(secret.substring(21)), "a secret was written: " + text);
        }
    }

    /** Writes to two streams: the console still shows the test's output while the test reads it. */
    private static final class TeeOutputStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeOutputStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }

    @Test
    void refusalsArriveAsProblemDetails() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v1/connections"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
        assertTrue(response.body().contains("urn:connection-broker:problem:unauthenticated"), response.body());
    }

    /**
     * What the document gives every operation as its default answer (components.responses.AnsweredByTheEdge) is
     * answered: 406 on each operation when Accept rules out JSON, and on the local API 404 and 405 for a route or
     * method it does not serve.
     */
    @Test
    void theEdgesAnswersAreProblemsOnEveryOperation() throws Exception {
        String key = register("ZENDESK", true).key;
        String document = fetch("/v1/openapi.yml").body();
        // The paths section: a path at two spaces' indent, its methods at four, up to the next path.
        String paths = document.substring(document.indexOf("\npaths:\n"), document.indexOf("\ncomponents:\n"));
        java.util.regex.Matcher pathLines = java.util.regex.Pattern.compile("(?m)^  (/v1/[^:\\n]+):$").matcher(paths);
        List<int[]> starts = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        while (pathLines.find()) {
            starts.add(new int[] {pathLines.end()});
            names.add(pathLines.group(1));
        }
        int checked = 0;
        for (int i = 0; i < names.size(); i++) {
            String block = paths.substring(starts.get(i)[0], i + 1 < names.size() ? starts.get(i + 1)[0] : paths.length());
            String path = names.get(i).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            java.util.regex.Matcher methods = java.util.regex.Pattern.compile("(?m)^    (get|post|put|patch|delete):$")
                    .matcher(block);
            while (methods.find()) {
                String method = methods.group(1).toUpperCase(java.util.Locale.ROOT);
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + key).header("Accept", "text/html")
                        .header("Content-Type", "application/json")
                        .method(method, method.equals("GET") || method.equals("DELETE")
                                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(406, answer.statusCode(), method + " " + path + ": " + answer.body());
                assertTrue(answer.body().contains("urn:connection-broker:problem:not-acceptable"), answer.body());
                checked++;
            }
        }
        assertEquals(23, checked, "every operation of the document");

        Answer nowhere = get("/v1/nowhere", key);
        assertEquals(404, nowhere.status());
        assertTrue(nowhere.body().contains("urn:connection-broker:problem:not-found"), nowhere.body());
        HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(uri("/v1/instances/me"))
                .header("Authorization", "Bearer " + key).PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, wrongMethod.statusCode(), wrongMethod.body());
        assertTrue(wrongMethod.body().contains("urn:connection-broker:problem:method-not-allowed"), wrongMethod.body());
    }

    @Test
    void anOptionsRequestAndAMalformedPathAreAnsweredAsApiGatewayWould() throws Exception {
        // The routes have no OPTIONS method and the API no CORS set-up: API Gateway finds no route.
        String options = raw("OPTIONS /v1/connections HTTP/1.1\r\nHost: localhost\r\nOrigin: https://app.example\r\n"
                + "Access-Control-Request-Method: POST\r\nConnection: close\r\n\r\n");
        assertTrue(options.startsWith("HTTP/1.1 404"), options);
        assertTrue(options.toLowerCase().contains("content-type: application/json"), options);
        assertTrue(options.endsWith("{\"message\":\"Not Found\"}"), options);

        for (String path : List.of("/v1/connections/%", "/v1/connections/%zz", "/v1/instances/me/keys/%E0%A4")) {
            String malformed = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(malformed.startsWith("HTTP/1.1 400"), malformed);
            assertTrue(malformed.toLowerCase().contains("content-type: application/json"), malformed);
            assertTrue(malformed.endsWith("{\"message\":\"Bad Request\"}"), malformed);
            assertFalse(malformed.toLowerCase().contains("<html"), malformed);
        }
    }

    /** A request written byte for byte, as no HTTP client library would send it; the whole answer. */
    private String raw(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theOpenApiDocumentAndABrowsableViewOfItAreServed() throws Exception {
        HttpResponse<String> document = fetch("/v1/openapi.yml");
        assertEquals(200, document.statusCode());
        assertEquals("application/yaml", document.headers().firstValue("content-type").orElseThrow());
        assertTrue(document.body().startsWith("openapi: 3.0.1"), document.body());
        assertTrue(document.body().contains("operationId: acceptInvitation"));

        HttpResponse<String> view = fetch("/v1/docs");
        assertEquals(200, view.statusCode());
        assertTrue(view.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
        assertTrue(view.body().contains("Redoc.init(contextPath + '/v1/openapi.yml')"), view.body());

        HttpResponse<String> script = fetch("/v1/docs/redoc.standalone.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.body().length() > 100_000, "the whole Redoc script is served, no CDN needed");
    }

    private HttpResponse<String> fetch(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private Registration register(String platform, boolean isPublic) throws Exception {
        String url = "https://t" + UUID.randomUUID().toString().replace("-", "") + "."
                + Platform.valueOf(platform).host();
        Answer answer = post("/v1/instances", null, """
                {"url": "%s", "public": %s, "proof": {"kind": "OAUTH", "accessToken": "local-admin"}}"""
                .formatted(url, isPublic));
        assertEquals(201, answer.status, answer.body);
        return new Registration(url, answer.text("apiKey"));
    }

    private Answer post(String path, String key, String body) throws Exception {
        return post(path, key, body, null);
    }

    private Answer post(String path, String key, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(key == null ? request : request.header("Authorization", "Bearer " + key));
    }

    private Answer get(String path, String key) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).GET());
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("location").orElse(null),
                response.body(), json.readValue(response.body(), JsonNode.class));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Registration(String url, String key) {
    }

    private record Answer(int status, String location, String body, JsonNode node) {
        String text(String... path) {
            JsonNode at = node;
            for (String name : path) {
                at = at.get(name);
            }
            return at == null || at.isNull() ? null : at.coerceStringValue();
        }
    }
}
