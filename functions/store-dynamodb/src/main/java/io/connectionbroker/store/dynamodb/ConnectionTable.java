package io.connectionbroker.store.dynamodb;

import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * The one table everything lives in. Its key schema and TTL attribute are defined here and nowhere else:
 * the deployment template is checked against these constants.
 */
public final class ConnectionTable {
    /** Partition key: the record's kind and id, for example {@code CONNECTION#<id>}. */
    public static final String PARTITION_KEY = "pk";
    /** Sort key: the record's kind, leaving room for records that belong to another (rules of a connection). */
    public static final String SORT_KEY = "sk";
    /**
     * The global secondary indexes the store queries, by name. None yet: every read is a key lookup.
     * The deployment template must declare exactly these.
     */
    public static final java.util.Map<String, java.util.List<String>> GLOBAL_SECONDARY_INDEXES = java.util.Map.of();
    /** Epoch seconds after which DynamoDB may delete the item. Deletion is eventual: expiry is decided on read. */
    public static final String TTL_ATTRIBUTE = "ttl";
    /**
     * How long a lapsed invitation is kept before TTL may delete it, so that its code keeps being answered
     * "expired" rather than "unknown" for a while.
     */
    public static final Duration EXPIRED_INVITATION_RETENTION = Duration.ofDays(7);

    private ConnectionTable() {
    }

    /** Creates the table on demand with TTL on, as the deployment template does; for local runs and tests. */
    public static void createIfMissing(DynamoDbClient client, String tableName) {
        try {
            client.createTable(CreateTableRequest.builder()
                    .tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(PARTITION_KEY).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(SORT_KEY).attributeType(ScalarAttributeType.S).build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName(PARTITION_KEY).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(SORT_KEY).keyType(KeyType.RANGE).build())
                    .build());
        } catch (ResourceInUseException alreadyThere) {
            return;
        }
        client.waiter().waitUntilTableExists(request -> request.tableName(tableName));
        client.updateTimeToLive(request -> request.tableName(tableName).timeToLiveSpecification(
                TimeToLiveSpecification.builder().attributeName(TTL_ATTRIBUTE).enabled(true).build()));
    }
}
