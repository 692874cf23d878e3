package io.connectionbroker.testing;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Sets the table up on DynamoDB Local as the deployment template does in AWS, for the local run, the tests and
 * the benchmarks. It is no part of a Lambda jar: in AWS the template owns the table. Its key and TTL names are
 * the store's ({@code ConnectionTable}); the store's tests check that a table set up here is keyed as the
 * store expects.
 *
 * <p>Set-up converges: whatever an earlier, interrupted start left (the table made but TTL never turned on),
 * the next start finishes it, since each step looks at what is there rather than assuming it made it.
 */
public final class TableSetUp {
    static final String PARTITION_KEY = "pk";
    static final String SORT_KEY = "sk";
    static final String TTL_ATTRIBUTE = "ttl";
    /**
     * Set-up calls get limits of their own, far above a request's: on a busy machine DynamoDB Local can take
     * seconds to create a table, and a start must not give up on a call that is still being answered.
     */
    public static final Duration CALL_LIMIT = Duration.ofSeconds(60);

    private TableSetUp() {
    }

    /** Creates the table if it is missing and turns TTL on if it is off. */
    public static void ensure(DynamoDbClient client, String tableName) {
        try {
            client.createTable(request -> request
                    .tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(PARTITION_KEY).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(SORT_KEY).attributeType(ScalarAttributeType.S).build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName(PARTITION_KEY).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(SORT_KEY).keyType(KeyType.RANGE).build()));
        } catch (ResourceInUseException alreadyThere) {
            // Made by an earlier start, perhaps one that stopped before the steps below: they still run.
        }
        client.waiter().waitUntilTableExists(request -> request.tableName(tableName));
        TimeToLiveStatus ttl = client.describeTimeToLive(request -> request.tableName(tableName))
                .timeToLiveDescription().timeToLiveStatus();
        if (ttl != TimeToLiveStatus.ENABLED && ttl != TimeToLiveStatus.ENABLING) {
            client.updateTimeToLive(request -> request.tableName(tableName).timeToLiveSpecification(
                    TimeToLiveSpecification.builder().attributeName(TTL_ATTRIBUTE).enabled(true).build()));
        }
    }

    /** A client for set-up calls on DynamoDB Local at the endpoint, with {@link #CALL_LIMIT}. */
    public static DynamoDbClient client(URI endpoint) {
        return DynamoDbLocalEngine.clientFor(endpoint)
                .overrideConfiguration(config -> config.apiCallTimeout(CALL_LIMIT).apiCallAttemptTimeout(CALL_LIMIT))
                .build();
    }
}
