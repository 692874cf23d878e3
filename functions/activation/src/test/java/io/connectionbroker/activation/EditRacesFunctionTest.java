package io.connectionbroker.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionActivation;
import io.connectionbroker.domain.ConnectionStatus;
import io.connectionbroker.domain.DeleteConnection;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.domain.ViewConnection;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.connectionbroker.testing.function.Race;
import io.connectionbroker.testing.function.RaceTest;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Edits through the activation function's handler, raced a hundred callers at once against each other,
 * deactivations and deletes of the same connection. An edit is made from one read (its ETag): once anything
 * changed the connection since, it is refused with 412, never written over the change.
 */
class EditRacesFunctionTest extends RaceTest {

    @RepeatedTest(2)
    void editsFromOneReadLetExactlyOneWin() throws Exception {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Connection connection = arrange.activeConnection(acme.instance(), beta.instance());
        String read = etag(acme, connection);

        Map<String, Integer> told = Race.run(CALLERS, i -> () -> Race.told(edit(connection, read, "name " + i)));

        assertEquals(Map.of("200", 1, "412 connection-changed", CALLERS - 1), told);
        Connection stored = bothSidesSee(connection, acme.instance(), beta.instance());
        assertTrue(stored.name().startsWith("name "), stored.name());
        assertEquals(connection.version() + 1, stored.version());
    }

    @RepeatedTest(2)
    void editsAgainstDeactivationsNeverUndoOne() throws Exception {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Connection connection = arrange.activeConnection(acme.instance(), beta.instance());
        String read = etag(acme, connection);

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(edit(connection, read, "name " + i))
                : () -> Race.told("deactivated", () -> function.commit(() -> function.bean(ConnectionActivation.class)
                        .deactivate(beta.instance(), connection.id()))));

        int edited = told.getOrDefault("200", 0);
        int deactivated = told.getOrDefault("deactivated", 0);
        assertEquals(1, deactivated, told.toString());
        assertTrue(edited <= 1, told.toString());
        assertEquals(CALLERS / 2 - edited, told.get("412 connection-changed"), told.toString());
        assertEquals(CALLERS / 2 - 1, told.get("refused connection-state-conflict"), told.toString());
        Connection stored = bothSidesSee(connection, acme.instance(), beta.instance());
        assertEquals(ConnectionStatus.DEACTIVATED, stored.status(), "the deactivation was not undone");
        assertEquals(edited == 1, stored.name().startsWith("name "), "an edit told 200 holds");
        assertEquals(connection.version() + 1 + edited, stored.version());
    }

    @RepeatedTest(2)
    void editsAgainstADeleteNeverBringItBack() throws Exception {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Connection connection = arrange.activeConnection(acme.instance(), beta.instance());
        // Fewer editors than elsewhere: a delete that keeps losing to a hundred writes is refused (409), which
        // would leave nothing to check here.
        int callers = CALLERS / 10;

        Map<String, Integer> told = Race.run(callers, i -> i == callers / 2
                ? () -> Race.told("deleted", () -> function.commit(() -> function.bean(DeleteConnection.class)
                        .delete(beta.instance(), connection.id())))
                : () -> Race.told(edit(connection, "*", "name " + i)));

        int deleted = told.getOrDefault("deleted", 0);
        assertEquals(1, deleted + told.getOrDefault("refused connection-state-conflict", 0), told.toString());
        int answered = told.getOrDefault("200", 0) + told.getOrDefault("404 connection-not-found", 0)
                + told.getOrDefault("412 connection-changed", 0);
        assertEquals(callers - 1, answered, told.toString());
        if (deleted == 0) {
            function.commit(() -> function.bean(DeleteConnection.class).delete(beta.instance(), connection.id()));
        }
        assertNothingLeftOf(connection.id());
        assertEquals(404, edit(connection, "*", "too late").status());
    }

    private String etag(Registered caller, Connection connection) {
        ViewConnection view = function.bean(ViewConnection.class);
        return "\"" + view.tag(view.view(caller.instance(), connection.id()), caller.instance()) + "\"";
    }

    private Answer edit(Connection connection, String ifMatch, String name) {
        return function.send("PATCH", "/v1/connections/" + connection.id(), acme.apiKey().reveal(),
                "{\"name\": \"" + name + "\"}", "application/json", Map.of("If-Match", ifMatch));
    }
}
