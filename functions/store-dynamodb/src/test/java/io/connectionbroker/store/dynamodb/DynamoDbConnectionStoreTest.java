package io.connectionbroker.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.ConnectionStoreContract;
import io.connectionbroker.testing.DynamoDbLocalEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The store contract on DynamoDB Local, the real engine. */
class DynamoDbConnectionStoreTest extends ConnectionStoreContract {
    private final DynamoDbClient client = DynamoDbLocalEngine.shared().client();
    private String tableName;
    private ConnectionStore store;

    @BeforeEach
    void freshTable() {
        tableName = DynamoDbLocalEngine.uniqueTableName("store");
        ConnectionTable.createIfMissing(client, tableName);
        store = new DynamoDbConnectionStore(client, tableName);
    }

    @Override
    protected ConnectionStore store() {
        return store;
    }

    @Test
    void theTableIsKeyedOnPartitionAndSortKeyWithTtlOn() {
        TableDescription table = client.describeTable(request -> request.tableName(tableName)).table();

        assertEquals(ConnectionTable.PARTITION_KEY, table.keySchema().stream()
                .filter(k -> k.keyType() == KeyType.HASH).findFirst().orElseThrow().attributeName());
        assertEquals(ConnectionTable.SORT_KEY, table.keySchema().stream()
                .filter(k -> k.keyType() == KeyType.RANGE).findFirst().orElseThrow().attributeName());
        var ttl = client.describeTimeToLive(request -> request.tableName(tableName)).timeToLiveDescription();
        assertEquals(ConnectionTable.TTL_ATTRIBUTE, ttl.attributeName());
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
    }

    @Test
    void creatingTheTableTwiceIsHarmless() {
        ConnectionTable.createIfMissing(client, tableName);

        assertTrue(client.listTables().tableNames().contains(tableName));
    }
}
