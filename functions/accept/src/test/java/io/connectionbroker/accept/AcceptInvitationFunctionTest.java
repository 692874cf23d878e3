package io.connectionbroker.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStatus;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.InvitationCode;
import io.connectionbroker.domain.License;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.domain.SecureEntropy;
import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.EdgeRefusals;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/invitations/accept} through the function's real handler, on DynamoDB Local. */
class AcceptInvitationFunctionTest extends FunctionTest {

    private Answer accept(Registered caller, String code, String project) {
        return function.post("/v1/invitations/accept", caller.apiKey().reveal(),
                "{\"code\": \"" + code + "\", \"project\": \"" + project + "\"}");
    }

    @Test
    void theInvitedInstanceAcceptsAndTheConnectionIsActive() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.SCRIPT);
        function.clock().advance(Duration.ofMinutes(3));

        Answer answer = accept(beta, initiated.code().reveal(), "HELP");

        assertEquals(200, answer.status(), answer.toString());
        assertEquals(initiated.connection().id(), answer.text("connection.id"));
        assertEquals("ACTIVE", answer.text("connection.status"));
        assertEquals(beta.instance().id(), answer.text("connection.destination.instanceId"));
        assertEquals(beta.instance().url().value(), answer.text("connection.destination.url"));
        assertEquals("FRESHDESK", answer.text("connection.destination.platform"));
        assertEquals("HELP", answer.text("connection.destination.project"));
        assertEquals("SUPPORT", answer.text("connection.source.project"));
        assertFalse(answer.text("connection.updatedAt").equals(answer.text("connection.createdAt")));
        Connection stored = function.bean(ConnectionStore.class).findConnection(initiated.connection().id()).orElseThrow();
        assertEquals(ConnectionStatus.ACTIVE, stored.status());
        assertEquals(beta.instance().id(), function.bean(ConnectionStore.class)
                .findInvitation(initiated.code().id()).orElseThrow().answeredBy());
    }

    @Test
    void aPrivateDestinationsUrlIsTheOneItRegistered() {
        Registered vault = arrange.instance(Platform.FRESHSERVICE, License.FREE, false);
        Initiated initiated = arrange.privateConnection(acme.instance(), Mode.BASIC);

        Answer answer = accept(vault, initiated.code().reveal(), "IT");

        assertEquals(200, answer.status(), answer.toString());
        assertEquals(vault.instance().url().value(), answer.text("connection.destination.url"));
        Connection stored = function.bean(ConnectionStore.class).findConnection(initiated.connection().id()).orElseThrow();
        assertEquals(Boolean.FALSE, stored.destination().reachable(), "the record says it cannot be reached");
        assertFalse(stored.pushesToDestination());
    }

    @Test
    void aCodeUsedOnceAnswers409() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.privateConnection(acme.instance(), Mode.BASIC);
        assertEquals(200, accept(beta, initiated.code().reveal(), "HELP").status());

        Answer again = accept(arrange.instance(Platform.ZENDESK), initiated.code().reveal(), "HELP");

        assertEquals(409, again.status(), again.toString());
        assertEquals("urn:connection-broker:problem:invitation-already-used", again.text("type"));
    }

    @Test
    void anExpiredCodeAnswers410WhileItsItemStillExists() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        function.clock().advance(Duration.ofHours(72).plusSeconds(1));
        try {
            Answer answer = accept(beta, initiated.code().reveal(), "HELP");

            assertEquals(410, answer.status(), answer.toString());
            assertEquals("urn:connection-broker:problem:invitation-expired", answer.text("type"));
            assertEquals(initiated.connection().invitationExpiresAt().toString(), answer.text("expiredAt"));
            assertTrue(function.bean(ConnectionStore.class).findInvitation(initiated.code().id()).isPresent());
        } finally {
            function.clock().advance(Duration.ofHours(-72).minusSeconds(1));
        }
    }

    @Test
    void aDeclinedCodeAnswers410() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        function.commit(() -> function.bean(io.connectionbroker.domain.DeclineInvitation.class).decline(beta.instance(), initiated.code().reveal()));

        Answer answer = accept(beta, initiated.code().reveal(), "HELP");

        assertEquals(410, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:invitation-declined", answer.text("type"));
        assertEquals(ConnectionStatus.DECLINED, function.bean(ConnectionStore.class)
                .findConnection(initiated.connection().id()).orElseThrow().status());
    }

    @Test
    void aMistypedCodeAnswers400WithoutALookup() {
        Initiated initiated = arrange.privateConnection(acme.instance(), Mode.BASIC);
        String code = initiated.code().reveal();
        String mistyped = code.substring(0, 25) + (code.charAt(25) == 'a' ? 'b' : 'a') + code.substring(26);

        Answer answer = accept(arrange.instance(Platform.FRESHDESK), mistyped, "HELP");

        assertEquals(400, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:invitation-code-malformed", answer.text("type"));
        assertEquals(List.of("code"), answer.errorFields());
        assertTrue(answer.text("detail").contains("mistyped"), answer.text("detail"));
    }

    @Test
    void aCodeThatWasNeverIssuedAnswers404() {
        Answer answer = accept(arrange.instance(Platform.FRESHDESK),
                InvitationCode.issue(new SecureEntropy()).reveal(), "HELP");

        assertEquals(404, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:invitation-not-found", answer.text("type"));
    }

    @Test
    void aPublicInvitationPresentedByAnotherInstanceAnswers403NamingWhomItIsFor() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);

        Answer answer = accept(arrange.instance(Platform.FRESHDESK), initiated.code().reveal(), "HELP");

        assertEquals(403, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:invitation-not-for-caller", answer.text("type"));
        assertTrue(answer.text("invitedInstance").contains(beta.instance().url().value()), answer.toString());
        assertEquals(ConnectionStatus.PENDING, function.bean(ConnectionStore.class)
                .findConnection(initiated.connection().id()).orElseThrow().status());
    }

    @Test
    void aLocalInvitationIsForTheInitiatorAndAPrivateOneForAnyoneElse() {
        Initiated local = arrange.connectionTo(acme.instance(), acme.instance(), Mode.VISUAL);
        assertEquals(403, accept(arrange.instance(Platform.ZENDESK), local.code().reveal(), "HELP").status());
        Answer localAccepted = accept(acme, local.code().reveal(), "SECOND-PROJECT");
        assertEquals(200, localAccepted.status(), localAccepted.toString());
        assertEquals("LOCAL", localAccepted.text("connection.type"));
        assertEquals("SECOND-PROJECT", localAccepted.text("connection.destination.project"));

        Initiated hidden = arrange.privateConnection(acme.instance(), Mode.BASIC);
        Answer byInitiator = accept(acme, hidden.code().reveal(), "HELP");
        assertEquals(403, byInitiator.status(), byInitiator.toString());
    }

    @Test
    void aModeTheAcceptingPlatformDoesNotOfferAnswers422() {
        String url = "https://registered-later-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".freshdesk.com";
        Initiated visual = function.commit(() -> function.bean(InitiateConnection.class).initiate(acme.instance(),
                new InitiateConnection.Command(url, false, Mode.BASIC, "a", "b", null, null, "P")));
        // Initiating refuses VISUAL here since it knows the platform by the URL's host; a connection stored
        // before then may still be in it.
        Connection basic = visual.connection();
        assertTrue(function.bean(ConnectionStore.class).replaceConnection(new Connection(basic.id(), basic.status(),
                basic.type(), Mode.VISUAL, basic.name(), basic.description(), basic.source(), basic.destination(),
                basic.invitationId(), basic.invitationExpiresAt(), basic.createdAt(), basic.updatedAt(),
                basic.version() + 1), java.util.List.of(), null));
        Registered later = arrange.instanceAt(url, License.PAID, true);

        Answer answer = accept(later, visual.code().reveal(), "HELP");

        assertEquals(422, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:mode-not-offered", answer.text("type"));
        assertTrue(answer.text("rule").contains("FRESHDESK"), answer.text("rule"));
        assertEquals(ConnectionStatus.PENDING, function.bean(ConnectionStore.class)
                .findConnection(visual.connection().id()).orElseThrow().status());
    }

    @Test
    void missingAndUnknownFieldsAreNamed() {
        Answer answer = function.post("/v1/invitations/accept", acme.apiKey().reveal(),
                "{\"status\": \"ACTIVE\", \"project\": 5}");

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of("status", "project", "code"), answer.errorFields());
    }

    @Test
    void withoutAValidKeyAnswers401() {
        Initiated initiated = arrange.privateConnection(acme.instance(), Mode.BASIC);

        Answer answer = function.post("/v1/invitations/accept", null,
                "{\"code\": \"" + initiated.code().reveal() + "\", \"project\": \"HELP\"}");

        assertEquals(401, answer.status(), answer.toString());
        assertNull(function.bean(ConnectionStore.class).findInvitation(initiated.code().id()).orElseThrow().answeredAt());
    }

    @Test
    void aBigOrANonJsonBodyIsRefusedAtTheEdge() {
        EdgeRefusals.assertBodyOver64KilobytesIs413(function, "POST", "/v1/invitations/accept", acme.apiKey().reveal());
        EdgeRefusals.assertBodyNotSentAsJsonIs415(function, "POST", "/v1/invitations/accept", acme.apiKey().reveal());
    }

    @Test
    void acceptingWantsAValidKey() {
        new AccessChecks(function, arrange).assertOnlyAValidKeyGetsIn("POST", "/v1/invitations/accept", "{}");
    }
}
