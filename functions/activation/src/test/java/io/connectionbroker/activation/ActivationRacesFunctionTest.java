package io.connectionbroker.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionActivation;
import io.connectionbroker.domain.ConnectionStatus;
import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Event;
import io.connectionbroker.domain.EventType;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.domain.RuleSet;
import io.connectionbroker.domain.SyncRule;
import io.connectionbroker.domain.SyncRules;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.connectionbroker.testing.function.Feeds;
import io.connectionbroker.testing.function.Race;
import io.connectionbroker.testing.function.RaceTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Deactivations through the activation function's handler, raced a hundred callers at once against
 * activations, accepts and rule updates of the same connection through the domain operations their functions
 * call. Every {@code 200} must be true of the state both sides read afterwards, and every loser told why.
 */
class ActivationRacesFunctionTest extends RaceTest {
    private static final Set<String> TOLD_WHY = Set.of("409 connection-state-conflict",
            "refused connection-state-conflict");

    @Override
    protected Map<String, Object> properties() {
        return Race.PATIENT_DATABASE;
    }

    @RepeatedTest(2)
    void deactivationsAgainstActivationsEndInTheStateTheirWinnersAddUpTo() throws Exception {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Connection connection = arrange.activeConnection(acme.instance(), beta.instance());

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(deactivate(connection))
                : () -> Race.told("activated", () -> function.commit(() -> function.bean(ConnectionActivation.class)
                        .activate(beta.instance(), connection.id()))));

        int deactivated = told.getOrDefault("200", 0);
        int activated = told.getOrDefault("activated", 0);
        assertTrue(deactivated >= 1, told.toString());
        assertTrue(deactivated - activated == 0 || deactivated - activated == 1,
                "each activation undid one deactivation: " + told);
        assertEquals(CALLERS, deactivated + activated + TOLD_WHY.stream().mapToInt(k -> told.getOrDefault(k, 0)).sum(),
                told.toString());
        Connection stored = bothSidesSee(connection, acme.instance(), beta.instance());
        assertEquals(deactivated > activated ? ConnectionStatus.DEACTIVATED : ConnectionStatus.ACTIVE, stored.status());
        assertEquals(Connection.FIRST_VERSION + 1 + deactivated + activated, stored.version(),
                "one version per change told 200, after the accept");
        // Each side's feed: every change told 200 once, in the order they were written (a connection can only
        // be deactivated when active, so the events alternate), at positions without gaps or repeats.
        List<String> changes = new java.util.ArrayList<>(List.of("connection.accepted"));
        for (int i = 0; i < deactivated + activated; i++) {
            changes.add(i % 2 == 0 ? "connection.deactivated" : "connection.activated");
        }
        Feeds feeds = new Feeds(function);
        for (Registered side : List.of(acme, beta)) {
            List<Event> events = feeds.of(side.instance().id()).stream()
                    .filter(event -> connection.id().equals(event.connectionId())
                            && event.type() != EventType.CONNECTION_INITIATED).toList();
            assertEquals(changes, events.stream().map(event -> event.type().type()).toList());
            assertEquals(events.size(), events.stream().map(Event::id).distinct().count(), "nothing doubled");
            assertEquals(deactivated, events.stream().filter(event -> event.actor() != null
                    && acme.apiKey().id().equals(event.actor().keyId())).count(), "each deactivation names acme's key");
        }
    }

    @RepeatedTest(2)
    void deactivationsAgainstAcceptsKeepTheDestination() throws Exception {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(deactivate(initiated.connection()))
                : () -> Race.told("accepted", () -> arrange.accept(beta.instance(), initiated)));

        assertEquals(1, told.get("accepted"), told.toString());
        assertEquals(CALLERS / 2 - 1, told.get("refused invitation-already-used"), told.toString());
        int deactivated = told.getOrDefault("200", 0);
        assertTrue(deactivated <= 1, told.toString());
        assertEquals(CALLERS / 2 - deactivated, told.getOrDefault("409 connection-state-conflict", 0), told.toString());
        Connection stored = bothSidesSee(initiated.connection(), acme.instance(), beta.instance());
        assertEquals(beta.instance().id(), stored.destination().instanceId(), "the accept was not lost");
        assertEquals(deactivated == 1 ? ConnectionStatus.DEACTIVATED : ConnectionStatus.ACTIVE, stored.status());
    }

    @RepeatedTest(2)
    void deactivationsAgainstRuleUpdatesKeepBoth() throws Exception {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Connection connection = arrange.accept(beta.instance(),
                arrange.connectionTo(acme.instance(), beta.instance(), Mode.VISUAL));
        List<SyncRule> outgoing = List.of(new SyncRule(SyncRule.Field.SUMMARY,
                SyncRule.Transform.COPY));

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(deactivate(connection))
                : () -> Race.told("rules changed", () -> function.commit(() -> function.bean(SyncRules.class)
                        .replace(beta.instance(), connection.id(), 1, outgoing, List.of()))));

        assertEquals(Map.of("200", 1, "409 connection-state-conflict", CALLERS / 2 - 1, "rules changed", 1,
                "refused rules-version-conflict", CALLERS / 2 - 1), told);
        Connection stored = bothSidesSee(connection, acme.instance(), beta.instance());
        assertEquals(ConnectionStatus.DEACTIVATED, stored.status());
        RuleSet rules = store().findRules(connection.id(), RuleSet.Owner.SHARED).orElseThrow();
        assertEquals(2, rules.version(), "the rule update was not lost");
    }

    private Answer deactivate(Connection connection) {
        return function.send("POST", "/v1/connections/" + connection.id() + "/deactivate", acme.apiKey().reveal(),
                null, null);
    }
}
