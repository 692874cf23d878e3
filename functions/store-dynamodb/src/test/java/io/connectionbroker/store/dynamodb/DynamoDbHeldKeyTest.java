package io.connectionbroker.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.ApiKey;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.HeldKeyContract;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.InstanceKey;
import io.connectionbroker.domain.InstanceUrl;
import io.connectionbroker.domain.License;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.SecureEntropy;
import io.connectionbroker.testing.DynamoDbLocalEngine;
import io.connectionbroker.testing.TableSetUp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The held-key contract on DynamoDB Local, the real engine. */
class DynamoDbHeldKeyTest extends HeldKeyContract {
    private final DynamoDbClient client = DynamoDbLocalEngine.shared().client();
    private ConnectionStore store;
    private String tableName;

    @BeforeEach
    void freshTable() {
        tableName = DynamoDbLocalEngine.uniqueTableName("held");
        TableSetUp.ensure(client, tableName);
        store = new DynamoDbConnectionStore(client, tableName);
    }

    @Override
    protected ConnectionStore store() {
        return store;
    }

    /** A key item written before key items carried their instance reads it beside, alone or with a connection. */
    @Test
    void aKeyWithoutItsInstanceCopyStillFindsItsInstance() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instance acme = new Instance(UUID.randomUUID().toString(), InstanceUrl.parse("url", "https://old.zendesk.com"),
                Platform.ZENDESK, License.PAID, null, true, now);
        ApiKey issued = ApiKey.issue(new SecureEntropy());
        InstanceKey key = new InstanceKey(issued.id(), acme.id(), issued.hash(), now);
        assertTrue(store.registerInstance(acme, key, List.of(), null));
        client.updateItem(update -> update.tableName(tableName)
                .key(RecordItems.keyLocation(key.keyId()).attributes())
                .updateExpression("REMOVE #holder").expressionAttributeNames(Map.of("#holder", RecordItems.HOLDER)));

        assertEquals(acme, store.findHeldKey(key.keyId()).orElseThrow().instance());
        assertEquals(acme, store.findHeldKeyAndConnection(key.keyId(), UUID.randomUUID().toString()).key()
                .orElseThrow().instance());
    }
}
