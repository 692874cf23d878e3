package io.connectionbroker.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.micronaut.json.tree.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code GET /v1/connections}: the Connections tab, through the function's real handler on DynamoDB Local. */
class ConnectionListFunctionTest extends FunctionTest {

    private Answer list(Registered caller, String query) {
        return function.send(new io.connectionbroker.gateway.GatewayRequest("GET", "/v1/connections", query,
                java.util.Map.of("Authorization", List.of("Bearer " + caller.apiKey().reveal())), null));
    }

    private static List<String> ids(Answer answer) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : answer.json().get("items").values()) {
            ids.add(item.get("id").getStringValue());
        }
        return ids;
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void bothDirectionsNewestFirstPageByPage(Platform platform) {
        Registered me = arrange.instance(platform);
        Registered other = arrange.instance(Platform.ZENDESK);
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            function.clock().advance(Duration.ofSeconds(1));
            newestFirst.add(0, arrange.privateConnection(me.instance(), Mode.BASIC).connection().id());
        }
        function.clock().advance(Duration.ofSeconds(1));
        Connection incoming = arrange.activeConnection(other.instance(), me.instance());
        newestFirst.add(0, incoming.id());

        Answer first = list(me, "limit=3");
        assertEquals(200, first.status(), first.toString());
        assertEquals(newestFirst.subList(0, 3), ids(first));
        assertEquals("ACTIVE", first.json().get("items").get(0).get("status").getStringValue());
        String next = first.text("next");

        Answer second = list(me, "limit=3&cursor=" + next);
        assertEquals(newestFirst.subList(3, 4), ids(second));
        assertNull(second.text("next"));
        assertTrue(second.body().contains("\"next\":null"), second.body());
    }

    @Test
    void theDefaultPageHolds20() {
        Registered me = arrange.instance(Platform.FRESHDESK);
        for (int i = 0; i < 21; i++) {
            arrange.privateConnection(me.instance(), Mode.BASIC);
        }

        Answer page = list(me, "");

        assertEquals(20, ids(page).size());
        assertTrue(page.text("next") != null);
    }

    @Test
    void aBadLimitOrAForeignOrForgedCursorAnswers400() {
        Registered me = arrange.instance(Platform.ZENDESK);
        arrange.privateConnection(me.instance(), Mode.BASIC);
        arrange.privateConnection(me.instance(), Mode.BASIC);
        arrange.privateConnection(acme.instance(), Mode.BASIC);
        arrange.privateConnection(acme.instance(), Mode.BASIC);
        String acmeCursor = list(acme, "limit=1").text("next");
        assertTrue(acmeCursor != null, "acme has a second page");

        for (String query : new String[] {"limit=0", "limit=101", "limit=ten", "cursor=forged%21",
            "cursor=" + acmeCursor}) {
            Answer answer = list(me, query);
            assertEquals(400, answer.status(), query + ": " + answer);
            assertEquals("application/problem+json", answer.header("content-type"));
            assertTrue(List.of("limit", "cursor").contains(answer.errorFields().get(0)), answer.toString());
        }
    }

    @Test
    void aCursorMadeForTheCallersOwnListIsRefusedAndARealOneIsNot() {
        Registered me = arrange.instance(Platform.ZENDESK);
        for (int i = 0; i < 3; i++) {
            arrange.privateConnection(me.instance(), Mode.BASIC);
        }
        String real = list(me, "limit=1").text("next");
        String position = function.bean(io.connectionbroker.domain.ConnectionStore.class)
                .findConnectionsOf(me.instance().id(), 1, null).next();
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String payload = base64.encodeToString((me.instance().id() + "|" + position).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        String otherMac = base64.encodeToString(new byte[32]);

        for (String madeUp : List.of(payload, payload + "." + otherMac, real.substring(0, real.indexOf('.') + 1)
                + otherMac)) {
            Answer answer = list(me, "limit=1&cursor=" + madeUp);
            assertEquals(400, answer.status(), madeUp + ": " + answer);
            assertEquals(List.of("cursor"), answer.errorFields());
        }
        assertEquals(200, list(me, "limit=1&cursor=" + real).status());
    }

    @Test
    void theStatusFilterKeepsOneStatusAndSaysWhichSideTheCallerIs() {
        Registered me = arrange.instance(Platform.ZENDESK);
        Registered other = arrange.instance(Platform.FRESHDESK);
        String pending = arrange.privateConnection(me.instance(), Mode.BASIC).connection().id();
        function.clock().advance(Duration.ofSeconds(1));
        String incoming = arrange.activeConnection(other.instance(), me.instance()).id();
        function.clock().advance(Duration.ofSeconds(1));
        String outgoing = arrange.activeConnection(me.instance(), other.instance()).id();

        Answer active = list(me, "status=ACTIVE");
        Answer stillPending = list(me, "status=PENDING&limit=1");

        assertEquals(200, active.status(), active.toString());
        assertEquals(List.of(outgoing, incoming), ids(active));
        assertEquals("SOURCE", active.json().get("items").get(0).get("yourSide").getStringValue());
        assertEquals("DESTINATION", active.json().get("items").get(1).get("yourSide").getStringValue());
        assertEquals(List.of(pending), ids(stillPending));
        assertNull(stillPending.text("next"));
        assertEquals(List.of(), ids(list(me, "status=DECLINED")));
    }

    @Test
    void anUnknownStatusAnswers400NeverAnUnfilteredList() {
        Registered me = arrange.instance(Platform.ZENDESK);
        arrange.privateConnection(me.instance(), Mode.BASIC);

        for (String query : new String[] {"status=active", "status=", "status=ARCHIVED"}) {
            Answer answer = list(me, query);
            assertEquals(400, answer.status(), query + ": " + answer);
            assertEquals(List.of("status"), answer.errorFields(), answer.toString());
        }
    }

    /** A poller of the Connections tab gets 304 with no body until something on its page changes. */
    @Test
    void thePageHasAnETagAnd304WhileNothingOnItChanges() {
        Registered me = arrange.instance(Platform.ZENDESK);
        Registered other = arrange.instance(Platform.FRESHDESK);
        Connection active = arrange.activeConnection(me.instance(), other.instance());
        String etag = list(me, "").header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), etag);

        Answer unchanged = poll(me, "", etag);
        assertEquals(304, unchanged.status(), unchanged.toString());
        assertEquals(etag, unchanged.header("ETag"));
        assertTrue(unchanged.body() == null || unchanged.body().isEmpty());

        function.commit(() -> function.bean(io.connectionbroker.domain.ConnectionActivation.class)
                .deactivate(other.instance(), active.id()));
        Answer changed = poll(me, "", etag);
        assertEquals(200, changed.status(), "the other side's change shows at once");
        String afterDeactivation = changed.header("ETag");
        assertTrue(!afterDeactivation.equals(etag));
        assertEquals(304, poll(me, "", afterDeactivation).status());

        function.clock().advance(Duration.ofSeconds(1));
        arrange.privateConnection(me.instance(), Mode.BASIC);
        assertEquals(200, poll(me, "", afterDeactivation).status(), "a new connection");
        assertEquals(200, poll(me, "status=ACTIVE", afterDeactivation).status(), "another query, another page");
    }

    private Answer poll(Registered caller, String query, String etag) {
        return function.send(new io.connectionbroker.gateway.GatewayRequest("GET", "/v1/connections", query,
                java.util.Map.of("Authorization", List.of("Bearer " + caller.apiKey().reveal()),
                        "If-None-Match", List.of(etag)), null));
    }

    @Test
    void noKeyAnswers401() {
        Answer answer = function.get("/v1/connections", null);

        assertEquals(401, answer.status(), answer.toString());
    }
}
