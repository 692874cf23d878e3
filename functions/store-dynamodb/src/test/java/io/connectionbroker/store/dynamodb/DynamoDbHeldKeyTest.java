package io.connectionbroker.store.dynamodb;

import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.HeldKeyContract;
import io.connectionbroker.testing.DynamoDbLocalEngine;
import io.connectionbroker.testing.TableSetUp;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The held-key contract on DynamoDB Local, the real engine. */
class DynamoDbHeldKeyTest extends HeldKeyContract {
    private final DynamoDbClient client = DynamoDbLocalEngine.shared().client();
    private ConnectionStore store;

    @BeforeEach
    void freshTable() {
        String tableName = DynamoDbLocalEngine.uniqueTableName("held");
        TableSetUp.ensure(client, tableName);
        store = new DynamoDbConnectionStore(client, tableName);
    }

    @Override
    protected ConnectionStore store() {
        return store;
    }
}
