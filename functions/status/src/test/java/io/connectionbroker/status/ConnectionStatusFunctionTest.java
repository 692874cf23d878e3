package io.connectionbroker.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.EdgeRefusals;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/connections/{id}} through the function's real handler, on DynamoDB Local. */
class ConnectionStatusFunctionTest extends FunctionTest {

    private Answer status(Registered caller, String id) {
        return function.get("/v1/connections/" + id, caller.apiKey().reveal());
    }

    @Test
    void theInitiatorSeesItsPendingConnectionWithUnknownFieldsAsNull() {
        Initiated initiated = arrange.privateConnection(acme.instance(), Mode.BASIC);

        Answer answer = status(acme, initiated.connection().id());

        assertEquals(200, answer.status(), answer.toString());
        assertEquals("application/json", answer.header("content-type"));
        assertEquals("PENDING", answer.text("status"));
        assertEquals("PRIVATE", answer.text("type"));
        assertEquals("BASIC", answer.text("mode"));
        assertEquals("src_to_dst", answer.text("name"));
        assertNull(answer.text("description"));
        assertNull(answer.text("destination.instanceId"));
        assertNull(answer.text("destination.url"));
        assertNull(answer.text("destination.platform"));
        assertNull(answer.text("destination.project"));
        assertEquals("dst", answer.text("destination.shortName"));
        assertEquals(initiated.connection().invitationExpiresAt().toString(), answer.text("invitationExpiresAt"));
        assertEquals("SOURCE", answer.text("yourSide"));
        assertEquals(acme.instance().url().value() + "/agent/apps/connection-broker/connections/"
                + initiated.connection().id(), answer.text("source.appUrl"));
        assertNull(answer.text("destination.appUrl"), "a private destination's app is out of reach");
    }

    @Test
    void aStatusReadIsOneRoundTripToTheDatabase() {
        Initiated initiated = arrange.privateConnection(acme.instance(), Mode.BASIC);
        assertEquals(200, status(acme, initiated.connection().id()).status(), "the first use records the key's use");

        int before = function.dynamoDbRequestsSent();
        Answer answer = status(acme, initiated.connection().id());

        assertEquals(200, answer.status(), answer.toString());
        assertEquals(1, function.dynamoDbRequestsSent() - before, "the key and the connection in one read");
    }

    @Test
    void bothSidesSeeTheActiveConnectionOnceAccepted() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        assertEquals(404, status(beta, initiated.connection().id()).status());

        arrange.accept(beta.instance(), initiated);

        for (Registered side : new Registered[] {acme, beta}) {
            Answer answer = status(side, initiated.connection().id());
            assertEquals(200, answer.status(), answer.toString());
            assertEquals("ACTIVE", answer.text("status"));
            assertEquals(beta.instance().id(), answer.text("destination.instanceId"));
            assertEquals("HELP", answer.text("destination.project"));
            assertEquals(side == acme ? "SOURCE" : "DESTINATION", answer.text("yourSide"));
            assertEquals(acme.instance().url().value() + "/agent/apps/connection-broker/connections/"
                    + initiated.connection().id(), answer.text("source.appUrl"), "Go to remote");
            assertEquals(beta.instance().url().value() + "/a/apps/connection-broker/connections/"
                    + initiated.connection().id(), answer.text("destination.appUrl"));
            assertNull(answer.text("invitationExpiresAt"), "the invitation is answered");
            assertTrue(answer.body().contains("\"invitationExpiresAt\":null"), answer.body());
        }
    }

    @Test
    void anIdThatIsNotUtf8IsRefusedByTheGatewayItself() {
        EdgeRefusals.assertUndecodablePathIsTheGateways400(function, "GET", "/v1/connections/%E0%A4",
                acme.apiKey().reveal());
    }

    @Test
    void aStrangerAnUnknownIdAndAMalformedIdGetTheSame404() {
        Initiated initiated = arrange.privateConnection(acme.instance(), Mode.BASIC);
        Registered stranger = arrange.instance(Platform.FRESHSERVICE);

        Answer forStranger = status(stranger, initiated.connection().id());
        Answer forUnknown = status(acme, UUID.randomUUID().toString());
        Answer forMalformed = status(acme, "..%2F..%2Fetc");

        assertEquals(404, forStranger.status(), forStranger.toString());
        assertEquals("application/problem+json", forStranger.header("content-type"));
        assertEquals(forUnknown.body(), forStranger.body());
        assertEquals(404, forMalformed.status(), forMalformed.toString());
    }

    @Test
    void aPendingConnectionShowsExpiredOnceItsInvitationLapsed() {
        Initiated initiated = arrange.privateConnection(acme.instance(), Mode.BASIC);
        function.clock().advance(Duration.ofHours(72));
        try {
            Answer answer = status(acme, initiated.connection().id());

            assertEquals(200, answer.status(), answer.toString());
            assertEquals("EXPIRED", answer.text("status"));
        } finally {
            function.clock().advance(Duration.ofHours(-72));
        }
    }

    @Test
    void withoutAValidKeyAnswers401() {
        Initiated initiated = arrange.privateConnection(acme.instance(), Mode.BASIC);

        Answer answer = function.get("/v1/connections/" + initiated.connection().id(), null);

        assertEquals(401, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:unauthenticated", answer.text("type"));
    }

    @Test
    void otherMethodsOnTheRouteAnswer405AsAProblem() {
        Initiated initiated = arrange.privateConnection(acme.instance(), Mode.BASIC);

        Answer answer = function.send("DELETE", "/v1/connections/" + initiated.connection().id(),
                acme.apiKey().reveal(), null, null);

        assertEquals(405, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.header("content-type"));
    }

    @Test
    void readingAConnectionOrTheList() {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());
        AccessChecks access = new AccessChecks(function, arrange);
        access.assertOnlyASideGetsIn("GET", "/v1/connections/" + connection.id(), null, List.of(connection.id(), connection.source().url().value(), connection.destination().url().value()));
        access.assertOnlyAValidKeyGetsIn("GET", "/v1/connections", null);
    }
}
