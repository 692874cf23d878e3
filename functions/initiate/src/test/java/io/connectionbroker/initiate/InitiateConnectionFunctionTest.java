package io.connectionbroker.initiate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Invitation;
import io.connectionbroker.domain.InvitationCode;
import io.connectionbroker.domain.License;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.Arrange;
import io.connectionbroker.testing.function.EdgeRefusals;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.connectionbroker.testing.function.FunctionUnderTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /v1/connections} through the function's real handler, on DynamoDB Local. */
class InitiateConnectionFunctionTest extends FunctionTest {

    private Answer initiate(Registered caller, String body) {
        return function.post("/v1/connections", caller.apiKey().reveal(), body);
    }

    @Test
    void aDestinationUrlMakesAPendingPublicConnectionAndAOneTimeCode() {
        Answer answer = initiate(acme, """
                {"destination": {"url": "https://Beta.freshdesk.com/"}, "mode": "SCRIPT", "localShortName": "acme",
                 "remoteShortName": "beta", "name": "acme to beta", "description": "Tickets both ways",
                 "project": "SUPPORT"}""");

        assertEquals(201, answer.status(), answer.toString());
        String id = answer.text("connection.id");
        assertEquals("/v1/connections/" + id, answer.header("location"));
        assertEquals("no-store", answer.header("cache-control"));
        assertEquals("PENDING", answer.text("connection.status"));
        assertEquals("PUBLIC", answer.text("connection.type"));
        assertEquals("SCRIPT", answer.text("connection.mode"));
        assertEquals("acme to beta", answer.text("connection.name"));
        assertEquals("Tickets both ways", answer.text("connection.description"));
        assertEquals(acme.instance().id(), answer.text("connection.source.instanceId"));
        assertEquals(acme.instance().url().value(), answer.text("connection.source.url"));
        assertEquals("ZENDESK", answer.text("connection.source.platform"));
        assertEquals("acme", answer.text("connection.source.shortName"));
        assertEquals("SUPPORT", answer.text("connection.source.project"));
        assertNull(answer.text("connection.destination.instanceId"));
        assertEquals("https://beta.freshdesk.com", answer.text("connection.destination.url"));
        assertEquals("FRESHDESK", answer.text("connection.destination.platform"), "known by the URL's host");
        assertEquals("beta", answer.text("connection.destination.shortName"));
        assertNull(answer.text("connection.destination.project"));
        assertEquals(answer.text("connection.createdAt"), answer.text("connection.updatedAt"));
        assertEquals(answer.text("connection.invitationExpiresAt"), answer.text("invitation.expiresAt"));
        assertEquals(Duration.ofHours(72), Duration.between(Instant.parse(answer.text("connection.createdAt")),
                Instant.parse(answer.text("invitation.expiresAt"))));

        InvitationCode code = InvitationCode.parse(answer.text("invitation.code"));
        ConnectionStore store = function.bean(ConnectionStore.class);
        Invitation stored = store.findInvitation(code.id()).orElseThrow();
        assertEquals(id, stored.connectionId());
        assertTrue(stored.hash().matches(code.hash()));
        assertEquals("PENDING", store.findConnection(id).orElseThrow().status().name());
    }

    @Test
    void noUrlMakesAPrivateConnectionWhoseDestinationUrlIsNull() {
        Answer answer = initiate(acme, """
                {"destination": {"private": true}, "mode": "BASIC", "localShortName": "acme",
                 "remoteShortName": "vault", "project": "SUPPORT"}""");

        assertEquals(201, answer.status(), answer.toString());
        assertEquals("PRIVATE", answer.text("connection.type"));
        assertNull(answer.text("connection.destination.url"));
        assertEquals("acme_to_vault", answer.text("connection.name"));
        assertNull(answer.text("connection.description"));
    }

    @Test
    void theInitiatorsOwnUrlMakesALocalConnection() {
        Answer answer = initiate(acme, """
                {"destination": {"url": "%s/"}, "mode": "VISUAL", "localShortName": "desk-a",
                 "remoteShortName": "desk-b", "project": "SUPPORT"}""".formatted(acme.instance().url()));

        assertEquals(201, answer.status(), answer.toString());
        assertEquals("LOCAL", answer.text("connection.type"));
        assertEquals("ZENDESK", answer.text("connection.destination.platform"));
    }

    @ParameterizedTest
    @CsvSource({
        "ZENDESK, BASIC", "ZENDESK, VISUAL", "ZENDESK, SCRIPT",
        "FRESHDESK, BASIC", "FRESHDESK, SCRIPT", "FRESHSERVICE, BASIC", "FRESHSERVICE, SCRIPT",
    })
    void eachPlatformInitiatesInTheModesItOffers(Platform platform, String mode) {
        Registered initiator = arrange.instance(platform);

        Answer answer = initiate(initiator, """
                {"destination": {"url": "https://elsewhere.zendesk.com"}, "mode": "%s", "localShortName": "a",
                 "remoteShortName": "b", "project": "P"}""".formatted(mode));

        assertEquals(201, answer.status(), answer.toString());
        assertEquals(mode, answer.text("connection.mode"));
        assertEquals(platform.name(), answer.text("connection.source.platform"));
    }

    @ParameterizedTest
    @CsvSource({"FRESHDESK", "FRESHSERVICE"})
    void visualOnAFreshPlatformAnswers422ListingTheOfferedModes(Platform platform) {
        Answer answer = initiate(arrange.instance(platform), """
                {"destination": {"url": "https://elsewhere.zendesk.com"}, "mode": "VISUAL", "localShortName": "a",
                 "remoteShortName": "b", "project": "P"}""");

        assertEquals(422, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.header("content-type"));
        assertEquals("urn:connection-broker:problem:mode-not-offered", answer.text("type"));
        assertTrue(answer.text("rule").contains(platform.name()), answer.text("rule"));
        assertEquals("[\"BASIC\",\"SCRIPT\"]", answer.body().replaceAll(".*\"offeredModes\":(\\[[^]]*]).*", "$1"));
    }

    @Test
    void visualForAPrivateConnectionAnswers422() {
        Answer answer = initiate(acme, """
                {"destination": {"private": true}, "mode": "VISUAL", "localShortName": "a", "remoteShortName": "b",
                 "project": "P"}""");

        assertEquals(422, answer.status(), answer.toString());
        assertTrue(answer.text("rule").contains("private"), answer.text("rule"));
    }

    @Test
    void scriptOnAFreeLicenceAnswers422() {
        Answer answer = initiate(arrange.instance(Platform.ZENDESK, License.FREE, true), """
                {"destination": {"url": "https://elsewhere.zendesk.com"}, "mode": "SCRIPT", "localShortName": "a",
                 "remoteShortName": "b", "project": "P"}""");

        assertEquals(422, answer.status(), answer.toString());
        assertTrue(answer.text("rule").contains("licence"), answer.text("rule"));
        assertEquals("[\"BASIC\",\"VISUAL\"]", answer.body().replaceAll(".*\"offeredModes\":(\\[[^]]*]).*", "$1"));
    }

    @Test
    void scriptFromAPrivateInstanceAnswers422() {
        Answer answer = initiate(arrange.instance(Platform.FRESHDESK, License.PAID, false), """
                {"destination": {"url": "https://elsewhere.zendesk.com"}, "mode": "SCRIPT", "localShortName": "a",
                 "remoteShortName": "b", "project": "P"}""");

        assertEquals(422, answer.status(), answer.toString());
        assertTrue(answer.text("rule").contains("public"), answer.text("rule"));
    }

    @Test
    void aPrivateInstanceInvitingAPrivateDestinationAnswers422() {
        Answer answer = initiate(arrange.instance(Platform.ZENDESK, License.PAID, false), """
                {"destination": {"private": true}, "mode": "BASIC", "localShortName": "a", "remoteShortName": "b",
                 "project": "P"}""");

        assertEquals(422, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:connection-not-allowed", answer.text("type"));
    }

    @Test
    void fieldsAClientMayNotSetAreRefusedByName() {
        Answer answer = initiate(acme, """
                {"destination": {"url": "https://b.zendesk.com", "instanceId": "x"}, "mode": "BASIC",
                 "localShortName": "a", "remoteShortName": "b", "project": "P", "status": "ACTIVE",
                 "id": "mine", "type": "LOCAL", "createdAt": "2020-01-01T00:00:00Z", "colour": "red"}""");

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of("status", "id", "type", "createdAt", "colour", "destination.instanceId"),
                answer.errorFields());
    }

    @Test
    void badFieldsAreAllNamedInOne400() {
        Answer answer = initiate(acme, """
                {"destination": {"url": "https://b.zendesk.com", "private": true}, "mode": "ADVANCED",
                 "localShortName": "a b", "remoteShortName": 7, "description": "%s"}""".formatted("x".repeat(1001)));

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of("destination.url", "mode", "remoteShortName"), answer.errorFields());
    }

    @Test
    void valueRulesAreCheckedOnceTheTypesAreRight() {
        Answer answer = initiate(acme, """
                {"destination": {"url": "http://b.example.com"}, "mode": "BASIC", "localShortName": "a b",
                 "remoteShortName": "%s", "description": "%s"}""".formatted("r".repeat(41), "x".repeat(1001)));

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of("localShortName", "remoteShortName", "description", "project"), answer.errorFields());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://b.zendesk.com", "https://b.example.com", "https://b.zendesk.com/agent/tickets",
        "https://b.zendesk.com:8443", "https://127.0.0.1", "https://localhost", "https://b.zendesk.com.evil.example"})
    void aDestinationNoHelpdeskCanBeAnswers422OnceTheFieldsAreRightAndStoresNothing(String url) {
        var before = io.connectionbroker.testing.function.TableItems.of(function);

        Answer answer = initiate(acme, """
                {"destination": {"url": "%s"}, "mode": "BASIC", "localShortName": "a", "remoteShortName": "b",
                 "project": "P"}""".formatted(url));

        assertEquals(422, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:unsupported-instance-url", answer.text("type"));
        assertFalse(answer.text("detail").contains("example"), answer.text("detail"));
        assertEquals(before, io.connectionbroker.testing.function.TableItems.of(function));
    }

    @Test
    void aMissingDestinationIsNamed() {
        Answer answer = initiate(acme, """
                {"mode": "BASIC", "localShortName": "a", "remoteShortName": "b", "project": "P"}""");

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of("destination"), answer.errorFields());
    }

    @Test
    void noKeyOrAnUnknownKeyAnswers401() {
        String body = """
                {"destination": {"private": true}, "mode": "BASIC", "localShortName": "a", "remoteShortName": "b",
                 "project": "P"}""";
        for (String key : new String[] {null, "not-a-key", acme.apiKey().reveal().replace(
                acme.apiKey().reveal().substring(4, 20), "0000000000000000")}) {
            Answer answer = function.post("/v1/connections", key, body);
            assertEquals(401, answer.status(), answer.toString());
            assertEquals("Bearer", answer.header("www-authenticate"));
            assertEquals("urn:connection-broker:problem:unauthenticated", answer.text("type"));
        }
        Answer basic = function.send(new io.connectionbroker.gateway.GatewayRequest("POST", "/v1/connections", "",
                Map.of("Authorization", List.of("Basic dXNlcjpwdw=="), "Content-Type", List.of("application/json")),
                body));
        assertEquals(401, basic.status(), basic.toString());
    }

    @Test
    void jsonWithACharsetIsAcceptedAndOtherContentTypesAnswer415() {
        String body = """
                {"destination": {"private": true}, "mode": "BASIC", "localShortName": "a", "remoteShortName": "b",
                 "project": "P"}""";
        assertEquals(201, function.send("POST", "/v1/connections", acme.apiKey().reveal(), body,
                "application/json; charset=utf-8").status());

        Answer text = function.send("POST", "/v1/connections", acme.apiKey().reveal(), body, "text/plain");
        assertEquals(415, text.status(), text.toString());
        assertEquals("application/problem+json", text.header("content-type"));
    }

    @Test
    void theInvitationLifetimeComesFromConfiguration() {
        try (FunctionUnderTest shortLived = FunctionUnderTest.start(
                Map.of("connection-broker.invitation-lifetime", "15m"))) {
            Registered caller = new Arrange(shortLived).instance(Platform.ZENDESK);

            Answer answer = shortLived.post("/v1/connections", caller.apiKey().reveal(), """
                    {"destination": {"private": true}, "mode": "BASIC", "localShortName": "a",
                     "remoteShortName": "b", "project": "P"}""");

            assertEquals(201, answer.status(), answer.toString());
            assertEquals(Duration.ofMinutes(15), Duration.between(Instant.parse(answer.text("connection.createdAt")),
                    Instant.parse(answer.text("invitation.expiresAt"))));
        }
    }

    @Test
    void aRefusedInitiationStoresNothing() {
        Registered free = arrange.instance(Platform.ZENDESK, License.FREE, true);
        Answer refused = initiate(free, """
                {"destination": {"url": "https://elsewhere.zendesk.com"}, "mode": "SCRIPT", "localShortName": "a",
                 "remoteShortName": "b", "project": "P"}""");
        assertEquals(422, refused.status());

        Answer next = initiate(free, """
                {"destination": {"url": "https://elsewhere.zendesk.com"}, "mode": "BASIC", "localShortName": "a",
                 "remoteShortName": "b", "project": "P"}""");

        Connection stored = function.bean(ConnectionStore.class).findConnection(next.text("connection.id")).orElseThrow();
        assertEquals("BASIC", stored.mode().name());
    }

    @Test
    void aBodyOver64KilobytesIsRefusedAtTheEdge() {
        EdgeRefusals.assertBodyOver64KilobytesIs413(function, "POST", "/v1/connections", acme.apiKey().reveal());
    }

    @Test
    void eachInitiationIsCountedOnceAndARefusalByItsKind() {
        int initiated = function.metrics().count("ConnectionsInitiated{Service=connection-broker}");
        int invalid = function.metrics().count("Refusals{Service=connection-broker,ProblemType=invalid-request}");

        Answer answer = function.post("/v1/connections", acme.apiKey().reveal(), """
                {"destination": {"private": true}, "mode": "BASIC", "localShortName": "a", "remoteShortName": "b",
                 "project": "P"}""");
        assertEquals(201, answer.status(), answer.toString());
        assertEquals(400, function.post("/v1/connections", acme.apiKey().reveal(), "{}").status());

        assertEquals(initiated + 1, function.metrics().count("ConnectionsInitiated{Service=connection-broker}"));
        assertEquals(invalid + 1, function.metrics().count("Refusals{Service=connection-broker,ProblemType=invalid-request}"));
    }

    @Test
    void initiatingAndReInviting() {
        Initiated initiated = arrange.connectionTo(acme.instance(), arrange.instance(Platform.ZENDESK).instance(),
                Mode.BASIC);
        AccessChecks access = new AccessChecks(function, arrange);
        access.assertOnlyAValidKeyGetsIn("POST", "/v1/connections", "{}");
        access.assertOnlyASideGetsIn("POST", "/v1/connections/" + initiated.connection().id() + "/invitation", null,
                List.of(initiated.connection().id(), initiated.code().reveal(), acme.instance().url().value()));
    }
}
