package io.connectionbroker.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.ConnectionStatus;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.InitiateConnection.Initiated;
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

/** {@code POST /v1/invitations/preview} through the accept function's real handler, on DynamoDB Local. */
class InvitationPreviewFunctionTest extends FunctionTest {

    private Answer preview(Registered caller, String code) {
        return function.post("/v1/invitations/preview", caller.apiKey().reveal(), "{\"code\": \"" + code + "\"}");
    }

    @Test
    void theInvitedAdminSeesWhoInvitesAndToWhatAndNothingChanges() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.SCRIPT);
        ConnectionStore store = function.bean(ConnectionStore.class);
        long version = store.findConnection(initiated.connection().id()).orElseThrow().version();

        Answer answer = preview(beta, initiated.code().reveal());

        assertEquals(200, answer.status(), answer.toString());
        assertEquals("application/json", answer.header("content-type"));
        assertEquals("src", answer.text("source.shortName"));
        assertEquals(acme.instance().url().value(), answer.text("source.url"));
        assertEquals("ZENDESK", answer.text("source.platform"));
        assertEquals("dst", answer.text("yourShortName"));
        assertEquals("PUBLIC", answer.text("type"));
        assertEquals("SCRIPT", answer.text("mode"));
        assertEquals(initiated.connection().name(), answer.text("name"));
        assertNull(answer.text("description"));
        assertEquals(initiated.connection().invitationExpiresAt().toString(), answer.text("expiresAt"));
        assertTrue(answer.body().contains("\"offeredModes\":[\"BASIC\",\"SCRIPT\"]"), answer.body());
        assertFalse(answer.body().contains(initiated.code().reveal()), "the code is never echoed");
        assertEquals(version, store.findConnection(initiated.connection().id()).orElseThrow().version());
        assertNull(store.findInvitation(initiated.code().id()).orElseThrow().answeredAt());
        assertEquals(200, preview(beta, initiated.code().reveal()).status(), "a preview answers nothing");
        assertEquals(200, function.post("/v1/invitations/accept", beta.apiKey().reveal(), "{\"code\": \""
                + initiated.code().reveal() + "\", \"project\": \"HELP\"}").status());
    }

    @Test
    void refusedAsAcceptingIs() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated used = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        arrange.accept(beta.instance(), used);
        Initiated declined = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        function.commit(() -> function.bean(io.connectionbroker.domain.DeclineInvitation.class)
                .decline(beta.instance(), declined.code().reveal()));
        Initiated forBeta = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        String code = forBeta.code().reveal();
        String mistyped = code.substring(0, 25) + (code.charAt(25) == 'a' ? 'b' : 'a') + code.substring(26);

        assertProblem(preview(beta, mistyped), 400, "invitation-code-malformed");
        assertProblem(preview(beta, WrongCode.sameIdAs(code, 1)), 404, "invitation-not-found");
        assertProblem(preview(arrange.instance(Platform.ZENDESK), code), 403, "invitation-not-for-caller");
        assertProblem(preview(beta, used.code().reveal()), 409, "invitation-already-used");
        assertProblem(preview(beta, declined.code().reveal()), 410, "invitation-declined");
        function.clock().advance(Duration.ofHours(72).plusSeconds(1));
        try {
            assertProblem(preview(beta, code), 410, "invitation-expired");
        } finally {
            function.clock().advance(Duration.ofHours(-72).minusSeconds(1));
        }
        assertEquals(ConnectionStatus.PENDING, function.bean(ConnectionStore.class)
                .findConnection(forBeta.connection().id()).orElseThrow().status());
    }

    /** A preview is no free guess: wrong codes sent to preview and to accept count alike toward the lock-out. */
    @Test
    void wrongCodesSentToPreviewCountTowardTheLockOut() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        String code = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC).code().reveal();

        for (int attempt = 1; attempt <= 9; attempt++) {
            assertEquals(404, preview(beta, WrongCode.sameIdAs(code, attempt)).status(), "attempt " + attempt);
        }
        assertEquals(404, function.post("/v1/invitations/accept", beta.apiKey().reveal(), "{\"code\": \""
                + WrongCode.sameIdAs(code, 10) + "\", \"project\": \"HELP\"}").status(), "the tenth, sent to accept");

        Answer locked = preview(beta, code);
        assertProblem(locked, 429, "invitation-locked");
        assertTrue(locked.header("Retry-After") != null, locked.toString());
        assertEquals(429, function.post("/v1/invitations/accept", beta.apiKey().reveal(), "{\"code\": \"" + code
                + "\", \"project\": \"HELP\"}").status());
    }

    @Test
    void aMissingCodeAndAnUnknownFieldAreNamed() {
        Answer answer = function.post("/v1/invitations/preview", acme.apiKey().reveal(), "{\"project\": \"HELP\"}");

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of("project", "code"), answer.errorFields());
    }

    @Test
    void aBigOrANonJsonBodyIsRefusedAtTheEdge() {
        EdgeRefusals.assertBodyOver64KilobytesIs413(function, "POST", "/v1/invitations/preview", acme.apiKey().reveal());
        EdgeRefusals.assertBodyNotSentAsJsonIs415(function, "POST", "/v1/invitations/preview", acme.apiKey().reveal());
    }

    @Test
    void previewingWantsAValidKey() {
        new AccessChecks(function, arrange).assertOnlyAValidKeyGetsIn("POST", "/v1/invitations/preview", "{}");
    }

    private static void assertProblem(Answer answer, int status, String kind) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.header("content-type"));
        assertEquals("urn:connection-broker:problem:" + kind, answer.text("type"), answer.toString());
    }
}
