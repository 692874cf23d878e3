package io.connectionbroker.store.dynamodb;

import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.ConnectionStoreContract;
import io.connectionbroker.testing.TableSetUp;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The store contract on LocalStack's DynamoDB. Reported as skipped where no Docker engine runs (as on our
 * machines); DynamoDbConnectionStoreTest covers the same engine in process.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackConnectionStoreTest extends ConnectionStoreContract {
    /** Pinned, so a new LocalStack release cannot change what this test checks. */
    private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.10.0");

    @Container
    private static final LocalStackContainer LOCALSTACK = localStack();

    private ConnectionStore store;

    private static LocalStackContainer localStack() {
        LocalStackContainer container = new LocalStackContainer(IMAGE).withServices("dynamodb");
        // Newer LocalStack images want a token; it comes from the environment, never from the repository.
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        }
        return container;
    }

    @BeforeEach
    void freshTable() {
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .httpClient(ApacheHttpClient.create())
                .build();
        String tableName = "store-" + UUID.randomUUID();
        TableSetUp.ensure(client, tableName);
        store = new DynamoDbConnectionStore(client, tableName);
    }

    @Override
    protected ConnectionStore store() {
        return store;
    }
}
