package io.connectionbroker.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStatus;
import io.connectionbroker.domain.DeclineInvitation;
import io.connectionbroker.domain.DeleteConnection;
import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.Invitation;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.connectionbroker.testing.function.Race;
import io.connectionbroker.testing.function.RaceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A hundred callers at once on one invitation, on DynamoDB Local: accepts through the accept function's
 * handler, declines and re-invitations through the same domain operations their functions call, on the
 * same table. Each race ends in one consistent state, and every loser is told why.
 */
class InvitationRacesFunctionTest extends RaceTest {

    @RepeatedTest(2)
    void aHundredInstancesAcceptOnePrivateCodeAndOneWins() throws Exception {
        Initiated initiated = arrange.privateConnection(acme.instance(), Mode.BASIC);
        List<Registered> acceptors = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            acceptors.add(arrange.instance(Platform.FRESHDESK));
        }

        Map<String, Integer> told = Race.run(CALLERS, i -> () -> Race.told(accept(acceptors.get(i), initiated)));

        assertEquals(Map.of("200", 1, "409 invitation-already-used", CALLERS - 1), told);
        Connection stored = store().findConnection(initiated.connection().id()).orElseThrow();
        assertEquals(ConnectionStatus.ACTIVE, stored.status());
        assertEquals(stored.destination().instanceId(), answer(initiated).answeredBy());
    }

    @RepeatedTest(2)
    void acceptsAgainstDeclinesOfOneCodeEndInOneAnswer() throws Exception {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(accept(beta, initiated))
                : () -> Race.told("declined", () -> function.commit(() -> function.bean(DeclineInvitation.class)
                        .decline(beta.instance(), initiated.code().reveal()))));

        Connection stored = store().findConnection(initiated.connection().id()).orElseThrow();
        Invitation.Answer answer = answer(initiated).answer();
        if (stored.status() == ConnectionStatus.ACTIVE) {
            assertEquals(Invitation.Answer.ACCEPTED, answer);
            assertEquals(1, told.get("200"), told.toString());
            assertEquals(null, told.get("declined"), told.toString());
        } else {
            assertEquals(ConnectionStatus.DECLINED, stored.status());
            assertEquals(Invitation.Answer.DECLINED, answer);
            assertEquals(1, told.get("declined"), told.toString());
            assertEquals(null, told.get("200"), told.toString());
        }
        assertTrue(Set.of("200", "declined", "409 invitation-already-used", "410 invitation-declined",
                        "refused invitation-already-used", "refused invitation-declined").containsAll(told.keySet()),
                told.toString());
        assertEquals(CALLERS, told.values().stream().mapToInt(Integer::intValue).sum());
    }

    @RepeatedTest(2)
    void reInvitationsAgainstAcceptsOfTheFirstCodeNeverLeaveTwoLiveCodes() throws Exception {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(accept(beta, initiated))
                : () -> Race.told("reinvited", () -> function.commit(() -> function.bean(InitiateConnection.class)
                        .reinvite(acme.instance(), initiated.connection().id()))));

        Connection stored = store().findConnection(initiated.connection().id()).orElseThrow();
        Invitation current = store().findInvitation(stored.invitationId()).orElseThrow();
        if (stored.status() == ConnectionStatus.ACTIVE) {
            assertEquals(1, told.get("200"), told.toString());
            assertEquals(Invitation.Answer.ACCEPTED, current.answer());
            assertEquals(initiated.code().id(), current.id(), "the first code was accepted");
        } else {
            assertEquals(ConnectionStatus.PENDING, stored.status());
            assertEquals(null, told.get("200"), told.toString());
            assertEquals(null, current.answer());
        }
        if (told.containsKey("reinvited") && !initiated.code().id().equals(current.id())) {
            assertTrue(store().findInvitation(initiated.code().id()).isEmpty(), "the replaced code is gone");
        }
        assertTrue(Set.of("200", "reinvited", "409 invitation-already-used", "404 invitation-not-found",
                "refused connection-state-conflict").containsAll(told.keySet()), told.toString());
        assertEquals(CALLERS, told.values().stream().mapToInt(Integer::intValue).sum());
    }

    @RepeatedTest(2)
    void acceptsAgainstDeletesLeaveNothingInEitherList() throws Exception {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        String id = initiated.connection().id();

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(accept(beta, initiated))
                : () -> Race.told("deleted", () -> function.commit(() -> function.bean(DeleteConnection.class).delete(acme.instance(), id))));

        assertEquals(1, told.get("deleted"), told.toString());
        assertTrue(told.getOrDefault("200", 0) <= 1, told.toString());
        assertTrue(Set.of("200", "deleted", "409 invitation-already-used", "404 invitation-not-found",
                "refused connection-not-found").containsAll(told.keySet()), told.toString());
        assertTrue(store().findConnection(id).isEmpty());
        for (Registered side : List.of(acme, beta)) {
            assertTrue(store().findConnectionsOf(side.instance().id(), 100, null).connections().stream()
                    .noneMatch(listed -> listed.id().equals(id)), "a deleted connection in a list");
        }
        assertNothingLeftOf(id);
    }

    private Answer accept(Registered caller, Initiated initiated) {
        return function.post("/v1/invitations/accept", caller.apiKey().reveal(),
                "{\"code\": \"" + initiated.code().reveal() + "\", \"project\": \"HELP\"}");
    }

    private Invitation answer(Initiated initiated) {
        return store().findInvitation(initiated.code().id()).orElseThrow();
    }
}
