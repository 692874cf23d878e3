package io.connectionbroker.initiate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.AcceptInvitation;
import io.connectionbroker.domain.ConnectionStatus;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.InvitationCode;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.domain.refusal.InvitationNotFound;
import io.connectionbroker.testing.function.EdgeRefusals;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/connections/{id}/invitation} through the function's real handler, on DynamoDB Local. */
class ReinviteFunctionTest extends FunctionTest {

    private Answer reinvite(Registered caller, String id) {
        return function.send("POST", "/v1/connections/" + id + "/invitation", caller.apiKey().reveal(), null, null);
    }

    @Test
    void theSourceGets201AndANewCodeAndTheOldCodeIsRefusedAtOnce() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated first = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        function.clock().advance(Duration.ofHours(80));
        try {
            Answer answer = reinvite(acme, first.connection().id());

            assertEquals(201, answer.status(), answer.toString());
            assertEquals("no-store", answer.header("cache-control"));
            InvitationCode code = InvitationCode.parse(answer.text("invitation.code"));
            Duration lifetime = Duration.between(function.clock().instant(),
                    Instant.parse(answer.text("invitation.expiresAt")));
            assertTrue(lifetime.compareTo(Duration.ofHours(72).minusSeconds(1)) > 0
                    && lifetime.compareTo(Duration.ofHours(72)) <= 0, "a fresh 72 hours: " + lifetime);
            ConnectionStore store = function.bean(ConnectionStore.class);
            assertTrue(store.findInvitation(first.code().id()).isEmpty());
            assertEquals(code.id(), store.findConnection(first.connection().id()).orElseThrow().invitationId());
            AcceptInvitation accept = function.bean(AcceptInvitation.class);
            assertThrows(InvitationNotFound.class, () -> function.commit(() -> accept.accept(beta.instance(),
                    new AcceptInvitation.Command(first.code().reveal(), "HELP"))));
            assertEquals(ConnectionStatus.ACTIVE, function.commit(() -> accept.accept(beta.instance(),
                    new AcceptInvitation.Command(code.reveal(), "HELP"))).status());
        } finally {
            function.clock().advance(Duration.ofHours(-80));
        }
    }

    @Test
    void anActiveConnectionAnswers409AndAnotherInstance404() {
        Registered beta = arrange.instance(Platform.ZENDESK);
        var active = arrange.activeConnection(acme.instance(), beta.instance());

        Answer conflict = reinvite(acme, active.id());
        assertEquals(409, conflict.status(), conflict.toString());
        assertEquals("ACTIVE", conflict.text("connectionStatus"));
        assertEquals(404, reinvite(beta, active.id()).status());
        function.commit(() -> function.bean(io.connectionbroker.domain.ConnectionActivation.class).deactivate(acme.instance(), active.id()));
        assertEquals("DEACTIVATED", reinvite(acme, active.id()).text("connectionStatus"));
        Initiated declined = arrange.connectionTo(acme.instance(), arrange.instance(Platform.ZENDESK).instance(), Mode.BASIC);
        function.commit(() -> function.bean(io.connectionbroker.domain.DeclineInvitation.class).decline(
                function.bean(ConnectionStore.class).findInstanceByUrl(declined.connection().destination().url())
                        .orElseThrow(), declined.code().reveal()));
        Answer declinedAnswer = reinvite(acme, declined.connection().id());
        assertEquals(409, declinedAnswer.status(), declinedAnswer.toString());
        assertEquals("DECLINED", declinedAnswer.text("connectionStatus"));
        assertEquals(404, reinvite(arrange.instance(Platform.FRESHSERVICE), active.id()).status());
    }

    @Test
    void noKeyIsRefusedAtTheEdge() {
        Initiated initiated = arrange.connectionTo(acme.instance(), arrange.instance(Platform.ZENDESK).instance(),
                Mode.BASIC);
        EdgeRefusals.assertNoKeyIs401(function, "POST", "/v1/connections/" + initiated.connection().id() + "/invitation");
    }
}
