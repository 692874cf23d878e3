package io.connectionbroker.linters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.local.LocalApi;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schemathesis, as an attacker or a client generated from the document would, against the running local API
 * with an instance it registers first: every operation, valid and invalid data, and its checks that the
 * answers hold to the document (no server error, documented status, content type, headers and schema, and
 * invalid data refused). Its seed is printed, so that a failure replays with -Dschemathesis.seed=N; every
 * failure it has found is also a test of our own (see the README's Guarantees).
 */
class SchemathesisTest {
    /** Examples per operation and phase: enough to reach every field's edge, few enough for 2 cores. */
    private static final int EXAMPLES = Integer.getInteger("schemathesis.examples", 100);
    private static final String CHECKS = String.join(",", "not_a_server_error", "status_code_conformance",
            "content_type_conformance", "response_headers_conformance", "response_schema_conformance",
            "negative_data_rejection");
    private static final Pattern API_KEY = Pattern.compile("\"apiKey\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path dataDir;

    @Test
    void theRunningApiHoldsToItsDocument() throws Exception {
        Path schemathesis = InstalledTools.python("st");
        long seed = Long.getLong("schemathesis.seed", new SecureRandom().nextInt(Integer.MAX_VALUE));
        System.out.println("Schemathesis seed " + seed + " (run again with -Dschemathesis.seed=" + seed + ")");
        int port = freePort();
        try (LocalApi api = LocalApi.start(port, freePort(), dataDir)) {
            String base = "http://127.0.0.1:" + port;
            String key = register(base);

            // One worker: with two, Hypothesis builds ASTs on two threads at once, and Python 3.11 then
            // fails now and then with "AST constructor recursion depth mismatch" (python/cpython#106905),
            // a crash of the tool, not a finding about the API (seen once in CI).
            InstalledTools.Result run = InstalledTools.run(List.of(schemathesis.toString(), "run",
                    base + "/v1/openapi.yml", "--url", base, "--header", "Authorization: Bearer " + key,
                    "--checks", CHECKS, "--mode", "all", "--phases", "examples,coverage,fuzzing",
                    "--max-examples", String.valueOf(EXAMPLES), "--seed", String.valueOf(seed),
                    "--workers", "1", "--request-timeout", "30", "--generation-database", "none",
                    "--no-color", "--report", "junit", "--report-junit-path", "target/schemathesis/junit.xml"));

            assertEquals(0, run.exitCode(), "Schemathesis (seed " + seed + ") found failures:\n" + run.output());
        }
    }

    /** An instance of the stand-in helpdesks' (local-admin is an administrator there), and its API key. */
    private static String register(String base) throws Exception {
        String body = "{\"url\": \"https://st" + UUID.randomUUID().toString().replace("-", "")
                + ".zendesk.com\", \"proof\": {\"kind\": \"OAUTH\", \"accessToken\": \"local-admin\"}}";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/v1/instances")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, answer.statusCode(), answer.body());
        Matcher key = API_KEY.matcher(answer.body());
        if (!key.find()) {
            throw new AssertionError("no apiKey in " + answer.body());
        }
        return key.group(1);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
