package io.connectionbroker.initiate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.AcceptInvitation;
import io.connectionbroker.domain.ConnectionStatus;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Initiating a Basic connection with admin access, through the function's real handler. */
class AdminAccessFunctionTest extends FunctionTest {

    @ParameterizedTest
    @EnumSource(Platform.class)
    void theAnswerCarriesAConfirmUrlOnTheDestinationInsteadOfAnInvitation(Platform platform) {
        Registered destination = arrange.instance(platform);

        Answer answer = function.post("/v1/connections", acme.apiKey().reveal(), """
                {"destination": {"url": "%s"}, "mode": "BASIC", "adminAccess": true, "localShortName": "acme",
                 "remoteShortName": "dest", "project": "SUPPORT"}""".formatted(destination.instance().url()));

        assertEquals(201, answer.status(), answer.toString());
        assertFalse(answer.body().contains("\"invitation\""), answer.body());
        String confirmUrl = answer.text("confirmUrl");
        // Where the destination's app opens (AppUrls' default pattern for its platform), with the code.
        String prefix = destination.instance().url().value() + (platform == Platform.ZENDESK ? "/agent" : "/a")
                + "/apps/connection-broker/connections/" + answer.text("connection.id") + "/confirm/";
        assertTrue(confirmUrl.startsWith(prefix), confirmUrl);
        assertEquals(Duration.ofMinutes(15), Duration.between(Instant.parse(answer.text("connection.createdAt")),
                Instant.parse(answer.text("connection.invitationExpiresAt"))));

        String code = confirmUrl.substring(prefix.length());
        assertEquals(ConnectionStatus.ACTIVE, function.commit(() -> function.bean(AcceptInvitation.class)
                .accept(destination.instance(), new AcceptInvitation.Command(code, "HELP"))).status());
    }

    @ParameterizedTest
    @CsvSource({"VISUAL, {\"url\": \"https://elsewhere.zendesk.com\"}", "SCRIPT, {\"url\": \"https://elsewhere.zendesk.com\"}",
        "BASIC, {\"private\": true}"})
    void otherModesAndPrivateConnectionsAnswer422(String mode, String destination) {
        Answer answer = function.post("/v1/connections", acme.apiKey().reveal(), """
                {"destination": %s, "mode": "%s", "adminAccess": true, "localShortName": "a",
                 "remoteShortName": "b", "project": "P"}""".formatted(destination, mode));

        assertEquals(422, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:connection-not-allowed", answer.text("type"));
    }
}
