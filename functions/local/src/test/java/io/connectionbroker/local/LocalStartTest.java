package io.connectionbroker.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import io.connectionbroker.testing.TableSetUp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * How README's run command starts: on a table an earlier, interrupted start left without TTL, and when it
 * cannot start at all.
 */
class LocalStartTest {
    /** Far above a start's few seconds: only a start that never ends reaches it. */
    private static final long EXIT_WAIT_SECONDS = 300;

    @Test
    void aStartFindingTheTableWithoutTtlTurnsItOnAndAnswers(@TempDir Path dataDir) throws Exception {
        int databasePort = freePort();
        URI endpoint = URI.create("http://localhost:" + databasePort);
        DynamoDBProxyServer database = LoopbackDatabase.start(databasePort, dataDir);
        try (DynamoDbClient client = TableSetUp.client(endpoint)) {
            TableSetUp.ensure(client, LocalApi.TABLE_NAME);
            client.updateTimeToLive(request -> request.tableName(LocalApi.TABLE_NAME)
                    .timeToLiveSpecification(spec -> spec.attributeName("ttl").enabled(false)));
            assertEquals(TimeToLiveStatus.DISABLED, ttlOf(client));
        } finally {
            database.stop();
        }

        int port = freePort();
        try (LocalApi api = LocalApi.start(port, databasePort, dataDir);
             DynamoDbClient client = TableSetUp.client(endpoint)) {
            assertEquals(TimeToLiveStatus.ENABLED, ttlOf(client), "the start finished what the earlier one left");
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/v1/connections")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, answer.statusCode(), "the API answers once started");
        }
    }

    @Test
    void aStartThatFailsExitsWithItsError(@TempDir Path dataDir) throws Exception {
        Path output = dataDir.resolve("output.txt");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ProcessBuilder run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LocalApi.class.getName());
            run.environment().put("PORT", Integer.toString(taken.getLocalPort()));
            run.environment().put("DYNAMODB_PORT", Integer.toString(freePort()));
            run.environment().put("CONNECTION_BROKER_DATA_DIR", dataDir.resolve("dynamodb").toString());
            run.redirectErrorStream(true).redirectOutput(output.toFile());
            Process process = run.start();

            boolean exited = process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertTrue(exited, "a failed start left the JVM running:\n" + printed);
            assertEquals(1, process.exitValue(), printed);
            assertTrue(printed.contains("connection-broker did not start") && printed.contains("BindException"),
                    printed);
        }
    }

    private static TimeToLiveStatus ttlOf(DynamoDbClient client) {
        return client.describeTimeToLive(request -> request.tableName(LocalApi.TABLE_NAME))
                .timeToLiveDescription().timeToLiveStatus();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
