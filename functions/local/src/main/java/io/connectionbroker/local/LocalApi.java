package io.connectionbroker.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import io.connectionbroker.gateway.HttpApiGateway;
import io.connectionbroker.helpdesk.standin.StandInHelpdesks;
import io.connectionbroker.testing.TableSetUp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole API on one local port, with no AWS account and no Docker: every request is turned into an
 * API Gateway (HTTP API, payload 2.0) event and handed to the same Lambda handler class the functions
 * deploy with; the data lives in DynamoDB Local, on disk, so a restart loses nothing. Registration's check
 * of a helpdesk credential goes to {@link StandInHelpdesks} on loopback, since no helpdesk is reachable here.
 *
 * <p>Settings from the environment: {@code PORT} (8080), {@code DYNAMODB_PORT} (8000) and
 * {@code CONNECTION_BROKER_DATA_DIR} ({@code .local-data/dynamodb}); any other setting of the functions
 * too, for example {@code CONNECTION_BROKER_INVITATION_LIFETIME=15m}.
 */
public final class LocalApi implements AutoCloseable {
    /** The table the functions use unless told otherwise (their application.properties). */
    static final String TABLE_NAME = "connection-broker";
    private final DynamoDBProxyServer database;
    private final StandInHelpdesks helpdesks;
    private final APIGatewayV2HTTPEventFunction handler;
    private final GatewayServer server;

    private LocalApi(int port, int databasePort, Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        database = LoopbackDatabase.start(databasePort, dataDir);
        StandInHelpdesks startedHelpdesks = null;
        APIGatewayV2HTTPEventFunction startedHandler = null;
        try {
            URI databaseEndpoint = URI.create("http://localhost:" + databasePort);
            // Set up before the functions start, with limits of its own (the functions' are far tighter), and
            // converging: a table an interrupted start left without TTL gets it now.
            try (DynamoDbClient setUp = TableSetUp.client(databaseEndpoint)) {
                TableSetUp.ensure(setUp, TABLE_NAME);
            }
            startedHelpdesks = StandInHelpdesks.start(0);
            // The same settings a deployed function gets from its environment, pointed at DynamoDB Local.
            ApplicationContext context = ApplicationContext.builder()
                    .environments("local")
                    .properties(Map.of(
                            "aws.services.dynamodb.endpoint-override", databaseEndpoint.toString(),
                            "aws.region", "us-east-1",
                            "aws.access-key-id", "local",
                            "aws.secret-key", "local",
                            "connection-broker.table-name", TABLE_NAME,
                            // Deployed functions read this secret from Secrets Manager; locally it guards
                            // nothing but the answers kept in this machine's DynamoDB Local.
                            "connection-broker.idempotency.secret", "local-only-secret-for-kept-answers-not-deployed",
                            // Registration asks the helpdesk who a credential belongs to; here the stand-in
                            // helpdesks answer for every instance URL (local-admin is an administrator).
                            "connection-broker.helpdesk.stand-in", startedHelpdesks.endpoint().toString()))
                    .build();
            startedHandler = new APIGatewayV2HTTPEventFunction(context);
            HttpApiGateway gateway = new HttpApiGateway(startedHandler, "connection-broker-local");
            server = GatewayServer.start(gateway, port);
        } catch (Exception | Error e) {
            if (startedHandler != null) {
                startedHandler.close();
            }
            if (startedHelpdesks != null) {
                startedHelpdesks.close();
            }
            database.stop();
            throw e;
        }
        helpdesks = startedHelpdesks;
        handler = startedHandler;
    }

    /** Where the database listens: loopback only (see LoopbackDatabase). */
    java.util.List<String> databaseHosts() throws ReflectiveOperationException {
        return LoopbackDatabase.hosts(database);
    }

    public static LocalApi start(int port, int databasePort, Path dataDir) throws Exception {
        return new LocalApi(port, databasePort, dataDir);
    }

    public static void main(String[] args) throws Exception {
        // DynamoDB Local's Jetty announces itself line by line; what this prints should be the API's own log.
        ((Logger) LoggerFactory.getLogger("org.eclipse.jetty")).setLevel(Level.WARN);
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        int databasePort = Integer.parseInt(System.getenv().getOrDefault("DYNAMODB_PORT", "8000"));
        Path dataDir = Path.of(System.getenv().getOrDefault("CONNECTION_BROKER_DATA_DIR", ".local-data/dynamodb"));
        LocalApi api;
        try {
            api = start(port, databasePort, dataDir);
        } catch (Exception | Error e) {
            // Exit with the error: a thread DynamoDB Local left behind would otherwise keep the JVM up with no
            // port open, and the run would look started.
            System.err.println("connection-broker did not start: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(api::close));
        System.out.printf("%nconnection-broker is running: http://localhost:%d (try POST /v1/instances)%n"
                        + "The console: http://localhost:%<d/console/ (sign in with an instance's API key)%n"
                        + "DynamoDB Local: http://localhost:%d, table 'connection-broker', data in %s%n"
                        + "Stop with Ctrl-C.%n%n", port, databasePort, dataDir.toAbsolutePath());
    }

    @Override
    public void close() {
        try {
            server.stop();
            handler.close();
            helpdesks.close();
            database.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The local API did not stop cleanly", e);
        }
    }
}
