package io.connectionbroker.decline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.domain.ConnectionStatus;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Invitation;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.EdgeRefusals;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.connectionbroker.testing.function.WrongCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code POST /v1/invitations/decline} through the function's real handler, on DynamoDB Local. */
class DeclineInvitationFunctionTest extends FunctionTest {

    private Answer decline(Registered caller, String code) {
        return function.post("/v1/invitations/decline", caller.apiKey().reveal(), "{\"code\": \"" + code + "\"}");
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void theInvitedInstanceDeclinesAndTheCodeIsDead(Platform platform) {
        Registered invited = arrange.instance(platform);
        Initiated initiated = arrange.connectionTo(acme.instance(), invited.instance(), Mode.BASIC);

        Answer answer = decline(invited, initiated.code().reveal());

        assertEquals(200, answer.status(), answer.toString());
        assertEquals("DECLINED", answer.text("connection.status"));
        assertEquals(initiated.connection().id(), answer.text("connection.id"));
        ConnectionStore store = function.bean(ConnectionStore.class);
        assertEquals(ConnectionStatus.DECLINED, store.findConnection(initiated.connection().id()).orElseThrow().status());
        Invitation invitation = store.findInvitation(initiated.code().id()).orElseThrow();
        assertEquals(Invitation.Answer.DECLINED, invitation.answer());
        assertEquals(invited.instance().id(), invitation.answeredBy());

        Answer again = decline(invited, initiated.code().reveal());
        assertEquals(410, again.status(), again.toString());
        assertEquals("urn:connection-broker:problem:invitation-declined", again.text("type"));
    }

    @Test
    void anotherInstanceGets403AndTheInvitationStaysOpen() {
        Registered invited = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), invited.instance(), Mode.BASIC);

        Answer answer = decline(arrange.instance(Platform.FRESHDESK), initiated.code().reveal());

        assertEquals(403, answer.status(), answer.toString());
        assertEquals(ConnectionStatus.PENDING, function.bean(ConnectionStore.class)
                .findConnection(initiated.connection().id()).orElseThrow().status());
    }

    @Test
    void anAcceptedCodeIs409AnExpiredOne410AndAMistypedOne400() {
        Registered invited = arrange.instance(Platform.FRESHSERVICE);
        Initiated accepted = arrange.connectionTo(acme.instance(), invited.instance(), Mode.BASIC);
        arrange.accept(invited.instance(), accepted);
        Initiated lapsing = arrange.privateConnection(acme.instance(), Mode.BASIC);

        assertEquals(409, decline(invited, accepted.code().reveal()).status());
        Answer mistyped = decline(invited, "cbi_0000000000000000_0000");
        assertEquals(400, mistyped.status(), mistyped.toString());
        assertEquals(List.of("code"), mistyped.errorFields());
        function.clock().advance(Duration.ofHours(72));
        try {
            assertEquals(410, decline(invited, lapsing.code().reveal()).status());
        } finally {
            function.clock().advance(Duration.ofHours(-72));
        }
    }

    @Test
    void missingOrUnknownFieldsAreNamedAndNoKeyIs401() {
        Answer answer = function.post("/v1/invitations/decline", acme.apiKey().reveal(), "{\"reason\": \"no\"}");

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of("reason", "code"), answer.errorFields());
        assertEquals(401, function.post("/v1/invitations/decline", null, "{\"code\": \"x\"}").status());
    }

    @Test
    void anUnknownCodeIs404AndABigOrANonJsonBodyIsRefusedAtTheEdge() {
        Initiated replaced = arrange.connectionTo(acme.instance(), arrange.instance(Platform.ZENDESK).instance(),
                Mode.BASIC);
        function.commit(() -> function.bean(io.connectionbroker.domain.InitiateConnection.class)
                .reinvite(acme.instance(), replaced.connection().id()));
        Answer answer = function.post("/v1/invitations/decline", acme.apiKey().reveal(),
                "{\"code\": \"" + replaced.code().reveal() + "\"}");
        assertEquals(404, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:invitation-not-found", answer.text("type"));

        EdgeRefusals.assertBodyOver64KilobytesIs413(function, "POST", "/v1/invitations/decline", acme.apiKey().reveal());
        EdgeRefusals.assertBodyNotSentAsJsonIs415(function, "POST", "/v1/invitations/decline", acme.apiKey().reveal());
    }

    @Test
    void eachDeclinationIsCounted() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        int declined = function.metrics().count("InvitationsDeclined{Service=connection-broker}");

        Answer answer = function.post("/v1/invitations/decline", beta.apiKey().reveal(),
                "{\"code\": \"" + initiated.code().reveal() + "\"}");

        assertEquals(200, answer.status(), answer.toString());
        assertEquals(declined + 1, function.metrics().count("InvitationsDeclined{Service=connection-broker}"));
    }

    @Test
    void tenWrongCodesLockTheInvitationForDecliningToo() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertEquals(404, function.post("/v1/invitations/decline", beta.apiKey().reveal(),
                    "{\"code\": \"" + WrongCode.sameIdAs(initiated.code().reveal(), attempt) + "\"}").status());
        }

        Answer locked = function.post("/v1/invitations/decline", beta.apiKey().reveal(),
                "{\"code\": \"" + initiated.code().reveal() + "\"}");

        assertEquals(429, locked.status(), locked.toString());
        assertEquals("urn:connection-broker:problem:invitation-locked", locked.text("type"));
    }

    @Test
    void decliningWantsAValidKey() {
        new AccessChecks(function, arrange).assertOnlyAValidKeyGetsIn("POST", "/v1/invitations/decline", "{}");
    }
}
