package io.connectionbroker.decline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStatus;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Declines through the decline function's handler, raced a hundred callers at once against re-invitations and
 * deletes of the same connection through the domain operations their functions call.
 */
class DeclineRacesFunctionTest extends RaceTest {

    @RepeatedTest(2)
    void declinesAgainstReinvitationsEndDeclinedOrWithOneLiveNewCode() throws Exception {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        List<String> issued = new CopyOnWriteArrayList<>(List.of(initiated.code().id()));

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(decline(beta, initiated))
                : () -> Race.told("reinvited", () -> issued.add(function.commit(() -> function.bean(
                        InitiateConnection.class).reinvite(acme.instance(), initiated.connection().id())).code().id())));

        assertTrue(Set.of("200", "404 invitation-not-found", "410 invitation-declined", "reinvited",
                "refused connection-state-conflict").containsAll(told.keySet()), told.toString());
        assertEquals(CALLERS, told.values().stream().mapToInt(Integer::intValue).sum());
        Connection stored = store().findConnection(initiated.connection().id()).orElseThrow();
        if (told.containsKey("200")) {
            assertEquals(1, told.get("200"), told.toString());
            assertEquals(ConnectionStatus.DECLINED, stored.status(), "the decline was not lost");
            assertEquals(Invitation.Answer.DECLINED, store().findInvitation(stored.invitationId()).orElseThrow()
                    .answer());
        } else {
            assertEquals(ConnectionStatus.PENDING, stored.status());
            for (String code : issued) {
                assertEquals(code.equals(stored.invitationId()), store().findInvitation(code).isPresent(),
                        "only the code the connection names is live");
            }
        }
    }

    @RepeatedTest(2)
    void declinesAgainstDeletesLeaveNothing() throws Exception {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        String id = initiated.connection().id();

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(decline(beta, initiated))
                : () -> Race.told("deleted", () -> function.commit(() -> function.bean(DeleteConnection.class).delete(acme.instance(), id))));

        assertEquals(1, told.get("deleted"), told.toString());
        assertTrue(told.getOrDefault("200", 0) <= 1, told.toString());
        assertTrue(Set.of("200", "404 invitation-not-found", "410 invitation-declined", "deleted",
                "refused connection-not-found").containsAll(told.keySet()), told.toString());
        assertTrue(store().findConnection(id).isEmpty());
        assertNothingLeftOf(id);
    }

    private Answer decline(Registered caller, Initiated initiated) {
        return function.post("/v1/invitations/decline", caller.apiKey().reveal(),
                "{\"code\": \"" + initiated.code().reveal() + "\"}");
    }
}
