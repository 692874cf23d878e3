package io.connectionbroker.delete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionActivation;
import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.domain.SyncRule;
import io.connectionbroker.domain.SyncRules;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.connectionbroker.testing.function.Race;
import io.connectionbroker.testing.function.RaceTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A hundred callers at once: deletes through the delete function's handler against deactivations,
 * activations, re-invitations and rule updates through the domain operations their functions call, on the same
 * table. Whatever wins, nothing of a deleted connection is left behind or brought back.
 */
class DeleteRaceFunctionTest extends RaceTest {

    @RepeatedTest(2)
    void deactivationsAgainstDeletesLeaveNothingBehind() throws Exception {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(function.send("DELETE", "/v1/connections/" + connection.id(), acme.apiKey().reveal(),
                        null, null))
                : () -> Race.told("deactivated", () -> function.commit(() -> function.bean(ConnectionActivation.class)
                        .deactivate(acme.instance(), connection.id()))));

        assertEquals(1, told.get("204"), told.toString());
        assertTrue(told.getOrDefault("deactivated", 0) <= 1, told.toString());
        assertTrue(Set.of("204", "404 connection-not-found", "deactivated", "refused connection-not-found",
                "refused connection-state-conflict").containsAll(told.keySet()), told.toString());
        assertEquals(CALLERS, told.values().stream().mapToInt(Integer::intValue).sum());
        assertNothingLeftOf(connection.id());
    }

    @RepeatedTest(2)
    void reinvitationsAgainstDeletesLeaveNoCodeBehind() throws Exception {
        Connection connection = arrange.connectionTo(acme.instance(), arrange.instance(Platform.FRESHDESK).instance(),
                Mode.BASIC).connection();
        List<String> issued = new CopyOnWriteArrayList<>(List.of(connection.invitationId()));

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(delete(connection))
                : () -> Race.told("reinvited", () -> issued.add(function.commit(() -> function.bean(InitiateConnection.class)
                        .reinvite(acme.instance(), connection.id())).code().id())));

        assertEquals(1, told.get("204"), told.toString());
        assertTrue(Set.of("204", "404 connection-not-found", "reinvited", "refused connection-not-found",
                "refused connection-state-conflict").containsAll(told.keySet()), told.toString());
        assertNothingLeftOf(connection.id());
        for (String code : issued) {
            assertTrue(store().findInvitation(code).isEmpty(), "a code of the deleted connection is live");
        }
    }

    @RepeatedTest(2)
    void ruleUpdatesAgainstDeletesBringNoRulesBack() throws Exception {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Connection connection = arrange.accept(beta.instance(),
                arrange.connectionTo(acme.instance(), beta.instance(), Mode.VISUAL));
        List<SyncRule> outgoing = List.of(new SyncRule(SyncRule.Field.SUMMARY, SyncRule.Transform.COPY));

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(delete(connection))
                : () -> Race.told("rules changed", () -> function.commit(() -> function.bean(SyncRules.class)
                        .replace(beta.instance(), connection.id(), 1, outgoing, List.of()))));

        assertEquals(1, told.get("204"), told.toString());
        assertTrue(told.getOrDefault("rules changed", 0) <= 1, told.toString());
        assertTrue(Set.of("204", "404 connection-not-found", "rules changed", "refused connection-not-found",
                "refused rules-version-conflict").containsAll(told.keySet()), told.toString());
        assertNothingLeftOf(connection.id());
    }

    @RepeatedTest(2)
    void activationsAgainstDeletesLeaveNothing() throws Exception {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Connection connection = arrange.activeConnection(acme.instance(), beta.instance());
        function.commit(() -> function.bean(ConnectionActivation.class).deactivate(acme.instance(), connection.id()));

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(delete(connection))
                : () -> Race.told("activated", () -> function.commit(() -> function.bean(ConnectionActivation.class)
                        .activate(beta.instance(), connection.id()))));

        assertEquals(1, told.get("204"), told.toString());
        assertTrue(told.getOrDefault("activated", 0) <= 1, told.toString());
        assertTrue(Set.of("204", "404 connection-not-found", "activated", "refused connection-not-found",
                "refused connection-state-conflict").containsAll(told.keySet()), told.toString());
        assertNothingLeftOf(connection.id());
    }

    private Answer delete(Connection connection) {
        return function.send("DELETE", "/v1/connections/" + connection.id(), acme.apiKey().reveal(), null, null);
    }
}
