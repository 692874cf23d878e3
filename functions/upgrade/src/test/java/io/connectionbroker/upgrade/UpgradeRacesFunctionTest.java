package io.connectionbroker.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionActivation;
import io.connectionbroker.domain.ConnectionStatus;
import io.connectionbroker.domain.DeclineInvitation;
import io.connectionbroker.domain.DeleteConnection;
import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.Invitation;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
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
 * Upgrades through the upgrade function's handler, raced a hundred callers at once against every other change
 * of the same connection through the domain operations their functions call, on one table. Each race must end
 * in one state both sides read alike, every {@code 200} must be true of it (no change is lost), and every loser
 * is told why. These are the lost updates a hostile test found when each write put back the whole record it
 * had read, checking one field only.
 */
class UpgradeRacesFunctionTest extends RaceTest {

    @RepeatedTest(2)
    void upgradesAgainstDeactivationsKeepBoth() throws Exception {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Connection connection = arrange.activeConnection(acme.instance(), beta.instance());

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(upgrade(connection))
                : () -> Race.told("deactivated", () -> function.commit(() -> function.bean(ConnectionActivation.class)
                        .deactivate(beta.instance(), connection.id()))));

        assertEquals(Map.of("200", 1, "422 mode-fixed", CALLERS / 2 - 1, "deactivated", 1,
                "refused connection-state-conflict", CALLERS / 2 - 1), told);
        Connection stored = bothSidesSee(connection, acme.instance(), beta.instance());
        assertEquals(ConnectionStatus.DEACTIVATED, stored.status(), "the deactivation was not lost");
        assertEquals(Mode.SCRIPT, stored.mode(), "the upgrade was not lost");
    }

    @RepeatedTest(2)
    void upgradesAgainstAcceptsKeepBoth() throws Exception {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(upgrade(initiated.connection()))
                : () -> Race.told("accepted", () -> arrange.accept(beta.instance(), initiated)));

        assertEquals(Map.of("200", 1, "422 mode-fixed", CALLERS / 2 - 1, "accepted", 1,
                "refused invitation-already-used", CALLERS / 2 - 1), told);
        Connection stored = bothSidesSee(initiated.connection(), acme.instance(), beta.instance());
        assertEquals(ConnectionStatus.ACTIVE, stored.status(), "the accept was not lost");
        assertEquals(beta.instance().id(), stored.destination().instanceId());
        assertEquals(Mode.SCRIPT, stored.mode(), "the upgrade was not lost");
        assertEquals(Invitation.Answer.ACCEPTED, store().findInvitation(initiated.code().id()).orElseThrow().answer());
        assertTrue(store().findConnectionsOf(beta.instance().id(), 10, null).connections().stream()
                .anyMatch(listed -> listed.id().equals(stored.id())), "in the destination's list");
    }

    @RepeatedTest(2)
    void upgradesAgainstDeclinesEndDeclinedWithTheModeTheWinnersWereTold() throws Exception {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(upgrade(initiated.connection()))
                : () -> Race.told("declined", () -> function.commit(() -> function.bean(DeclineInvitation.class)
                        .decline(beta.instance(), initiated.code().reveal()))));

        assertEquals(1, told.get("declined"), told.toString());
        assertEquals(CALLERS / 2 - 1, told.get("refused invitation-declined"), told.toString());
        int upgraded = told.getOrDefault("200", 0);
        assertTrue(upgraded <= 1, told.toString());
        assertEquals(CALLERS / 2 - upgraded, told.getOrDefault("422 mode-fixed", 0)
                + told.getOrDefault("409 connection-state-conflict", 0), told.toString());
        Connection stored = store().findConnection(initiated.connection().id()).orElseThrow();
        assertEquals(ConnectionStatus.DECLINED, stored.status(), "the decline was not lost");
        assertEquals(upgraded == 1 ? Mode.SCRIPT : Mode.BASIC, stored.mode());
        assertEquals(Invitation.Answer.DECLINED, store().findInvitation(initiated.code().id()).orElseThrow().answer());
    }

    @RepeatedTest(2)
    void upgradesAgainstReinvitationsLeaveOneLiveCodeAndTheUpgrade() throws Exception {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        List<String> issued = new CopyOnWriteArrayList<>(List.of(initiated.code().id()));

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(upgrade(initiated.connection()))
                : () -> Race.told("reinvited", () -> issued.add(function.commit(() -> function.bean(InitiateConnection.class)
                        .reinvite(acme.instance(), initiated.connection().id())).code().id())));

        assertEquals(1, told.get("200"), told.toString());
        // A losing upgrade is told the mode is fixed, or, where re-invitations changed the connection under
        // each of its tries, that it kept changing: which, the machine's timing decides.
        assertEquals(CALLERS / 2 - 1, told.getOrDefault("422 mode-fixed", 0)
                + told.getOrDefault("409 connection-state-conflict", 0), told.toString());
        assertTrue(told.getOrDefault("reinvited", 0) >= 1, told.toString());
        assertEquals(CALLERS / 2, told.get("reinvited") + told.getOrDefault("refused connection-state-conflict", 0),
                told.toString());
        Connection stored = store().findConnection(initiated.connection().id()).orElseThrow();
        assertEquals(ConnectionStatus.PENDING, stored.status());
        assertEquals(Mode.SCRIPT, stored.mode(), "the upgrade was not lost");
        assertTrue(issued.contains(stored.invitationId()));
        for (String code : issued) {
            assertEquals(code.equals(stored.invitationId()), store().findInvitation(code).isPresent(),
                    "only the code the connection names is live");
        }
    }

    @RepeatedTest(2)
    void upgradesAgainstDeletesLeaveNothing() throws Exception {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Connection connection = arrange.activeConnection(acme.instance(), beta.instance());

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(upgrade(connection))
                : () -> Race.told("deleted", () -> function.commit(() -> function.bean(DeleteConnection.class)
                        .delete(beta.instance(), connection.id()))));

        assertEquals(1, told.get("deleted"), told.toString());
        assertTrue(told.getOrDefault("200", 0) <= 1, told.toString());
        assertTrue(Set.of("200", "422 mode-fixed", "404 connection-not-found", "deleted",
                "refused connection-not-found").containsAll(told.keySet()), told.toString());
        assertFalse(store().findConnection(connection.id()).isPresent());
        for (var owner : io.connectionbroker.domain.RuleSet.Owner.values()) {
            assertFalse(store().findRules(connection.id(), owner).isPresent(), "rules of a deleted connection");
        }
    }

    @RepeatedTest(2)
    void rulesReadWhileTheConnectionIsUpgradedAreTheOldModesOrTheNewOnes() throws Exception {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Connection connection = arrange.activeConnection(acme.instance(), beta.instance());

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(upgrade(connection))
                : () -> Race.told("read", () -> function.bean(SyncRules.class).view(beta.instance(), connection.id())));

        assertEquals(Map.of("200", 1, "422 mode-fixed", CALLERS / 2 - 1, "read", CALLERS / 2), told,
                "a read between the connection and its rules never fails");
    }

    private Answer upgrade(Connection connection) {
        return function.post("/v1/connections/" + connection.id() + "/upgrade", acme.apiKey().reveal(),
                "{\"mode\": \"SCRIPT\"}");
    }
}
