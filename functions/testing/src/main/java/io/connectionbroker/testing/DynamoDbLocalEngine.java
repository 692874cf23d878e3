package io.connectionbroker.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Amazon's DynamoDB Local, the real engine, started once per test JVM in memory on a free port and
 * reached over HTTP like the service. Tests isolate themselves with a table of their own.
 */
public final class DynamoDbLocalEngine {
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private static DynamoDbLocalEngine shared;

    private final URI endpoint;
    private final DynamoDbClient client;

    private DynamoDbLocalEngine(URI endpoint) {
        this.endpoint = endpoint;
        this.client = clientFor(endpoint).build();
    }

    /** A client of DynamoDB Local at the endpoint, with its fixed region and credentials, to finish and build. */
    public static DynamoDbClientBuilder clientFor(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(ApacheHttpClient.create());
    }

    /** The engine of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized DynamoDbLocalEngine shared() {
        if (shared == null) {
            int port = freePort();
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                    "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.stop();
                    } catch (Exception ignored) {
                        // the JVM is going away
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
            }
            shared = new DynamoDbLocalEngine(URI.create("http://localhost:" + port));
        }
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    /**
     * The environment a deployed function reads its DynamoDB settings from (as the template sets them),
     * pointed at this engine and {@code table}: for a function started in a JVM of its own.
     */
    public Map<String, String> functionEnvironment(String table) {
        return Map.of("AWS_SERVICES_DYNAMODB_ENDPOINT_OVERRIDE", endpoint.toString(), "AWS_REGION", REGION,
                "AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
                "CONNECTION_BROKER_TABLE_NAME", table);
    }

    /** A table name no other test uses. */
    public static String uniqueTableName(String purpose) {
        return purpose + "-" + UUID.randomUUID();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
