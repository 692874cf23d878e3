package io.connectionbroker.testing.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.SyncRules;
import io.connectionbroker.domain.ViewConnection;
import io.connectionbroker.testing.DynamoDbLocalEngine;
import java.util.Map;

/**
 * A test class of races on one function: a hundred callers at once, with generous test-only DynamoDB limits
 * ({@link Race#PATIENT_DATABASE}), and what every race ends with checked alike.
 */
public abstract class RaceTest extends FunctionTest {
    protected static final int CALLERS = 100;

    @Override
    protected Map<String, Object> properties() {
        return Race.PATIENT_DATABASE;
    }

    /**
     * Both sides read the connection alike, and each reads its rules (a mode whose rules are missing fails).
     *
     * @return the connection as both read it
     */
    protected Connection bothSidesSee(Connection connection, Instance source, Instance destination) {
        ViewConnection view = function.bean(ViewConnection.class);
        Connection asSource = view.view(source, connection.id());
        assertEquals(asSource, view.view(destination, connection.id()), "both sides read one state");
        SyncRules rules = function.bean(SyncRules.class);
        rules.view(source, connection.id());
        rules.view(destination, connection.id());
        return asSource;
    }

    /**
     * Asserts that no item of the table names the connection any more, but the events of the feeds: they are the
     * history, kept after the connection is gone.
     */
    protected void assertNothingLeftOf(String connectionId) {
        long left = DynamoDbLocalEngine.shared().client().scanPaginator(scan -> scan.tableName(function.tableName()))
                .items().stream().filter(item -> !item.get("sk").s().startsWith("EVENT#"))
                .filter(item -> item.toString().contains(connectionId)).count();
        assertEquals(0, left, "items of the deleted connection are left");
    }

    protected ConnectionStore store() {
        return function.bean(ConnectionStore.class);
    }
}
