package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.License;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.Arrange;
import io.connectionbroker.testing.function.DynamoDbFaults;
import io.connectionbroker.testing.function.EdgeRefusals;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.connectionbroker.testing.function.TableItems;
import io.connectionbroker.web.document.IdempotencyHeaders;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /v1/instances/me/url} through the function's real handler, asking the stand-in helpdesks. */
class InstanceUrlFunctionTest extends FunctionTest {

    private static String move(String url, String credential) {
        return "{\"url\": \"" + url + "\", \"proof\": {\"kind\": \"OAUTH\", \"accessToken\": \"" + credential + "\"}}";
    }

    @Test
    void theInstanceKeepsItsIdKeysAndConnectionsAndBothSidesSeeTheNewUrl() {
        Registered renamed = arrange.instance(Platform.ZENDESK, License.PAID, true);
        Registered partner = arrange.instance(Platform.FRESHDESK, License.PAID, true);
        Connection outgoing = arrange.activeConnection(renamed.instance(), partner.instance());
        Connection incoming = arrange.activeConnection(partner.instance(), renamed.instance());
        Initiated pending = arrange.connectionTo(partner.instance(), renamed.instance(), Mode.BASIC);
        String oldUrl = renamed.instance().url().value();
        String newUrl = Arrange.newUrl(Platform.ZENDESK);

        Answer answer = function.post("/v1/instances/me/url", renamed.apiKey().reveal(), move(newUrl, "local-admin"));

        assertEquals(200, answer.status(), answer.toString());
        assertEquals(renamed.instance().id(), answer.text("id"));
        assertEquals(newUrl, answer.text("url"));
        assertEquals("PAID", answer.text("license"));
        assertEquals(newUrl, function.get("/v1/instances/me", renamed.apiKey().reveal()).text("instance.url"),
                "the same key works");
        for (Registered side : new Registered[] {renamed, partner}) {
            assertEquals(newUrl, function.bean(io.connectionbroker.domain.ViewConnection.class)
                    .view(side.instance(), outgoing.id()).source().url().value());
            assertEquals(newUrl, function.bean(io.connectionbroker.domain.ViewConnection.class)
                    .view(side.instance(), incoming.id()).destination().url().value());
        }
        // The invitation addressed to the old URL is still the moved instance's to accept.
        Connection accepted = arrange.accept(function.bean(io.connectionbroker.domain.AuthenticateInstance.class)
                .authenticate(renamed.apiKey().reveal()), pending);
        assertEquals(newUrl, accepted.destination().url().value());
        // The old URL is free to register.
        assertEquals(201, function.post("/v1/instances", null, Arrange.registration(oldUrl)).status());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TAKEN                                | local-admin  | 409 | instance-already-registered",
        "https://moved.freshdesk.com          | local-admin  | 422 | platform-mismatch",
        "https://moved.example.com            | local-admin  | 422 | unsupported-instance-url",
        "NEW                                  | local-agent  | 403 | not-an-administrator",
        "NEW                                  | made-up      | 422 | ownership-not-proven",
        "NEW                                  | standin-failing | 503 | helpdesk-unavailable",
    })
    void nothingChangesUnlessTheNewUrlIsFreeAndProven(String url, String credential, int status, String kind) {
        Registered instance = arrange.instance(Platform.ZENDESK, License.PAID, true);
        String target = switch (url) {
            case "TAKEN" -> acme.instance().url().value();
            case "NEW" -> Arrange.newUrl(Platform.ZENDESK);
            default -> url;
        };
        var before = TableItems.of(function);

        Answer answer = function.post("/v1/instances/me/url", instance.apiKey().reveal(), move(target, credential));

        assertEquals(status, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:" + kind, answer.text("type"));
        assertFalse(answer.body().contains(credential), answer.body());
        assertEquals(before, TableItems.of(function));
    }

    @Test
    void withoutAKeyIs401() {
        EdgeRefusals.assertNoKeyIs401(function, "POST", "/v1/instances/me/url");
    }

    @Test
    void aMoveCutShortBySomeConnectionsWriteIsFinishedBySendingItAgain() {
        Registered renamed = arrange.instance(Platform.ZENDESK, License.PAID, true);
        Registered partner = arrange.instance(Platform.ZENDESK, License.PAID, true);
        Connection first = arrange.activeConnection(renamed.instance(), partner.instance());
        Connection second = arrange.activeConnection(partner.instance(), renamed.instance());
        String newUrl = Arrange.newUrl(Platform.ZENDESK);
        Map<String, String> key = Map.of(IdempotencyHeaders.KEY, UUID.randomUUID().toString());
        // Authentication (the key, its instance, its first use), the kept-answer look-up, the instance's own move,
        // the membership query and the connections' read; then one update per side: the first of those fails.
        function.faults().arm(8, DynamoDbFaults.Fault.SERVER_ERROR);

        Answer cut = function.send("POST", "/v1/instances/me/url", renamed.apiKey().reveal(),
                move(newUrl, "local-admin"), "application/json", key);
        function.faults().disarm();
        var view = function.bean(io.connectionbroker.domain.ViewConnection.class);
        assertEquals(newUrl, function.get("/v1/instances/me", renamed.apiKey().reveal()).text("instance.url"),
                "the instance itself moved before the connections' writes");
        assertEquals(renamed.instance().url(), view.view(partner.instance(), first.id()).source().url(),
                "cut short: a connection still shows the old URL");
        Answer again = function.send("POST", "/v1/instances/me/url", renamed.apiKey().reveal(),
                move(newUrl, "local-admin"), "application/json", key);
        Answer replayed = function.send("POST", "/v1/instances/me/url", renamed.apiKey().reveal(),
                move(newUrl, "local-admin"), "application/json", key);

        assertEquals(503, cut.status(), cut.toString());
        assertEquals(200, again.status(), again.toString());
        assertEquals(newUrl, again.text("url"));
        assertEquals("true", replayed.header(IdempotencyHeaders.REPLAYED), "kept once the move was whole");
        assertEquals(again.body(), replayed.body());
        assertEquals(newUrl, view.view(partner.instance(), first.id()).source().url().value());
        assertEquals(newUrl, view.view(partner.instance(), second.id()).destination().url().value());
    }

    @Test
    void aMalformedBodyIsRefusedAsEverywhere() {
        String key = acme.apiKey().reveal();

        Answer missing = function.post("/v1/instances/me/url", key, "{\"proof\": {\"kind\": \"OAUTH\"}}");
        assertEquals(400, missing.status(), missing.toString());
        assertEquals(java.util.List.of("url"), missing.errorFields());

        EdgeRefusals.assertBodyOver64KilobytesIs413(function, "POST", "/v1/instances/me/url", key);
        EdgeRefusals.assertBodyNotSentAsJsonIs415(function, "POST", "/v1/instances/me/url", key);
    }
}
