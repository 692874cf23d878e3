package io.connectionbroker.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStatus;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.ConnectionType;
import io.connectionbroker.domain.InstanceUrl;
import io.connectionbroker.domain.Invitation;
import io.connectionbroker.domain.InvitationCode;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.SecretHash;
import io.connectionbroker.domain.SecureEntropy;
import io.connectionbroker.domain.Side;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import io.connectionbroker.domain.ConnectionStoreContract;
import io.connectionbroker.testing.DynamoDbLocalEngine;
import io.connectionbroker.testing.TableSetUp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
        TableSetUp.ensure(client, tableName);
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
    void settingTheTableUpTwiceIsHarmless() {
        TableSetUp.ensure(client, tableName);

        assertTrue(client.listTables().tableNames().contains(tableName));
    }

    @Test
    void settingUpATableAnEarlierStartLeftWithoutTtlTurnsTtlOn() {
        client.updateTimeToLive(request -> request.tableName(tableName).timeToLiveSpecification(spec -> spec
                .attributeName(ConnectionTable.TTL_ATTRIBUTE).enabled(false)));
        assertEquals(TimeToLiveStatus.DISABLED, client.describeTimeToLive(request -> request.tableName(tableName))
                .timeToLiveDescription().timeToLiveStatus());

        TableSetUp.ensure(client, tableName);

        var ttl = client.describeTimeToLive(request -> request.tableName(tableName)).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
        assertEquals(ConnectionTable.TTL_ATTRIBUTE, ttl.attributeName());
    }

    @Test
    void aConnectionStoredBeforeVersionsReadsAsVersionZeroAndChangesOnlyOverIt() {
        InvitationCode code = InvitationCode.issue(new SecureEntropy());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Connection connection = new Connection(UUID.randomUUID().toString(), ConnectionStatus.PENDING,
                ConnectionType.PRIVATE, Mode.BASIC, "a_to_b", null,
                new Side(UUID.randomUUID().toString(), InstanceUrl.parse("url", "https://acme.zendesk.com"),
                        Platform.ZENDESK, "a", "P", true),
                new Side(null, null, null, "b", null, false), code.id(), now.plusSeconds(3600), now, now,
                Connection.FIRST_VERSION);
        store.createConnection(connection, new Invitation(code.id(), connection.id(), SecretHash.of(code.reveal()),
                        connection.invitationExpiresAt(), null, null, null),
                Map.of(), java.util.List.of(), null);
        client.updateItem(update -> update.tableName(tableName)
                .key(Map.of(ConnectionTable.PARTITION_KEY, AttributeValue.fromS("CONNECTION#" + connection.id()),
                        ConnectionTable.SORT_KEY, AttributeValue.fromS("CONNECTION")))
                .updateExpression("REMOVE #version").expressionAttributeNames(Map.of("#version", "version")));
        Connection legacy = store.findConnection(connection.id()).orElseThrow();
        assertEquals(0, legacy.version());

        Connection deactivated = changed(legacy, ConnectionStatus.DEACTIVATED);
        assertTrue(store.replaceConnection(deactivated, java.util.List.of(), null));
        assertFalse(store.replaceConnection(changed(legacy, ConnectionStatus.ACTIVE), java.util.List.of(), null),
                "a second change decided from version 0");
        assertEquals(1, store.findConnection(connection.id()).orElseThrow().version());
        assertEquals(ConnectionStatus.DEACTIVATED, store.findConnection(connection.id()).orElseThrow().status());
    }

    /** A change of status decided from {@code read}, as an operation would make it. */
    private static Connection changed(Connection read, ConnectionStatus status) {
        return new Connection(read.id(), status, read.type(), read.mode(), read.name(), read.description(),
                read.source(), read.destination(), read.invitationId(), read.invitationExpiresAt(), read.createdAt(),
                Instant.now(), read.version() + 1);
    }
}
