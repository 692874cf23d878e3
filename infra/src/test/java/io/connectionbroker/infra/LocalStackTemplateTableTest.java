package io.connectionbroker.infra;

import static io.connectionbroker.infra.CloudFormationTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.ConnectionStoreContract;
import io.connectionbroker.store.dynamodb.ConnectionTable;
import io.connectionbroker.store.dynamodb.DynamoDbConnectionStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Deploys the table exactly as infra/template.yaml declares it, through LocalStack's CloudFormation, and
 * holds the DynamoDB store to its contract on that table. Reported as skipped where no Docker engine runs
 * (as on our machines). LocalStack images that need a token get it from LOCALSTACK_AUTH_TOKEN.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackTemplateTableTest extends ConnectionStoreContract {
    /** Pinned, so a new LocalStack release cannot change what this test checks. */
    private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.10.0");

    @Container
    private static final LocalStackContainer LOCALSTACK = localStack();

    private DynamoDbClient dynamoDb;
    private String tableName;
    private ConnectionStore store;

    private static LocalStackContainer localStack() {
        LocalStackContainer container = new LocalStackContainer(IMAGE).withServices("cloudformation", "dynamodb");
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        }
        return container;
    }

    @BeforeEach
    void deployTheTemplatesTable() throws Exception {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
        CloudFormationClient cloudFormation = CloudFormationClient.builder()
                .endpointOverride(LOCALSTACK.getEndpoint()).region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        dynamoDb = DynamoDbClient.builder()
                .endpointOverride(LOCALSTACK.getEndpoint()).region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();

        String stack = "table-" + UUID.randomUUID();
        String templateBody = tablePartOfTheTemplate();
        cloudFormation.createStack(request -> request.stackName(stack).templateBody(templateBody)
                .parameters(p -> p.parameterKey("TableDeletionProtection").parameterValue("false")));
        cloudFormation.waiter().waitUntilStackCreateComplete(request -> request.stackName(stack),
                waiter -> waiter.waitTimeout(Duration.ofMinutes(3)));
        tableName = cloudFormation.describeStacks(request -> request.stackName(stack)).stacks().get(0).outputs()
                .stream().filter(output -> output.outputKey().equals("TableName")).map(Output::outputValue)
                .findFirst().orElseThrow();
        store = new DynamoDbConnectionStore(dynamoDb, tableName);
    }

    @Override
    protected ConnectionStore store() {
        return store;
    }

    @Test
    void theDeployedTableHasTtlOnTheAdaptersAttribute() {
        var ttl = dynamoDb.describeTimeToLive(request -> request.tableName(tableName)).timeToLiveDescription();

        assertEquals(ConnectionTable.TTL_ATTRIBUTE, ttl.attributeName());
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
    }

    /** The template's Table resource and the parameter it refers to, as a template of its own. */
    private static String tablePartOfTheTemplate() throws java.io.IOException {
        CloudFormationTemplate template = CloudFormationTemplate.load();
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("AWSTemplateFormatVersion", "2010-09-09");
        part.put("Parameters", Map.of("TableDeletionProtection",
                map(template.section("Parameters"), "TableDeletionProtection")));
        part.put("Resources", Map.of("Table", map(template.resources(), "Table")));
        part.put("Outputs", Map.of("TableName", Map.of("Value", Map.of("Ref", "Table"))));
        return new Yaml().dump(part);
    }
}
