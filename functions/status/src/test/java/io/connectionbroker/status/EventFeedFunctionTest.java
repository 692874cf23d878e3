package io.connectionbroker.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.tree.JsonNode;
import io.connectionbroker.domain.AcceptInvitation;
import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionActivation;
import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/events}: each instance's feed through the status function's handler, oldest first, with a
 * cursor that is always given and bound to its instance, an ETag that answers 304 while nothing is new, and
 * invitations that lapsed reported when the feed is read.
 */
class EventFeedFunctionTest extends FunctionTest {

    private Answer read(Registered caller, String after, String limit, String ifNoneMatch) {
        String query = (after == null ? "" : "after=" + URLEncoder.encode(after, StandardCharsets.UTF_8))
                + (limit == null ? "" : (after == null ? "" : "&") + "limit=" + limit);
        return function.send("GET", "/v1/events" + (query.isEmpty() ? "" : "?" + query), caller.apiKey().reveal(),
                null, null, ifNoneMatch == null ? Map.of() : Map.of("If-None-Match", ifNoneMatch));
    }

    private static List<String> types(Answer answer) {
        List<String> types = new ArrayList<>();
        answer.json().get("items").values().forEach(item -> types.add(item.get("type").getStringValue()));
        return types;
    }

    @Test
    void bothSidesSeeTheChangeOnceAndAnIdlePollIs304() {
        Registered alpha = arrange.instance(Platform.ZENDESK);
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Connection connection = arrange.activeConnection(alpha.instance(), beta.instance());

        Answer first = read(alpha, null, null, null);
        assertEquals(200, first.status(), first.toString());
        assertEquals(List.of("instance.registered", "connection.initiated", "connection.accepted"), types(first));
        JsonNode accepted = first.json().get("items").get(2);
        assertEquals(connection.id(), accepted.get("connectionId").getStringValue());
        assertEquals(beta.instance().id(), accepted.get("data").get("destinationInstanceId").getStringValue());
        assertEquals(List.of("instance.registered", "connection.accepted"), types(read(beta, null, null, null)));
        String next = first.text("next");
        assertNotNull(next);

        Answer nothingNew = read(alpha, next, null, null);
        assertEquals(200, nothingNew.status(), nothingNew.toString());
        assertEquals(List.of(), types(nothingNew));
        assertEquals(next, nothingNew.text("next"), "next is always given, the same while nothing is new");
        String etag = nothingNew.header("ETag");
        Answer idle = read(alpha, next, null, etag);
        assertEquals(304, idle.status(), idle.toString());
        assertEquals(etag, idle.header("ETag"));
        assertTrue(idle.body() == null || idle.body().isEmpty(), idle.body());

        function.commit(() -> function.bean(ConnectionActivation.class).deactivate(beta.instance(), connection.id()));
        Answer changed = read(alpha, next, null, etag);
        assertEquals(200, changed.status(), "as soon as the other side changed something: " + changed);
        assertEquals(List.of("connection.deactivated"), types(changed));
        assertEquals(List.of("connection.deactivated"), types(read(beta, read(beta, null, "2", null).text("next"),
                null, null)), "and in the changer's own feed");
    }

    @Test
    void anIdlePollIsTheCallersKeyAndOneQueryWhileAnInvitationIsPending() {
        Registered alpha = arrange.instance(Platform.ZENDESK);
        arrange.privateConnection(alpha.instance(), Mode.BASIC);
        String next = read(alpha, null, null, null).text("next");
        int before = function.dynamoDbRequestsSent();
        Answer idle = read(alpha, next, null, null);
        assertEquals(200, idle.status(), idle.toString());
        assertEquals(List.of(), types(idle));
        assertEquals(2, function.dynamoDbRequestsSent() - before,
                "the caller's key, then the events and the feed's head in one Query");
    }

    @Test
    void aSmallLimitReadsThePagesInOrderWithoutRepeats() {
        Registered alpha = arrange.instance(Platform.ZENDESK);
        for (int i = 0; i < 5; i++) {
            arrange.privateConnection(alpha.instance(), Mode.BASIC);
        }
        List<String> all = types(read(alpha, null, null, null));
        assertEquals(6, all.size(), "registered and initiated five times: " + all);
        List<String> paged = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 3; page++) {
            Answer answer = read(alpha, after, "2", null);
            paged.addAll(types(answer));
            answer.json().get("items").values().forEach(item -> ids.add(item.get("id").getStringValue()));
            after = answer.text("next");
        }
        assertEquals(all, paged);
        assertEquals(ids.size(), ids.stream().distinct().count());
    }

    @Test
    void aCursorIsBoundToItsInstanceAndBadInputIs400EvenAParameterSentTwice() {
        Registered alpha = arrange.instance(Platform.ZENDESK);
        Registered beta = arrange.instance(Platform.ZENDESK);
        String alphasCursor = read(alpha, null, null, null).text("next");
        for (Answer refused : List.of(read(beta, alphasCursor, null, null), read(beta, "bm90LWEtY3Vyc29y", null, null),
                read(beta, null, "0", null), read(beta, null, "101", null), read(beta, null, "many", null))) {
            assertEquals(400, refused.status(), refused.toString());
            assertEquals("urn:connection-broker:problem:invalid-request", refused.text("type"));
            assertTrue(!refused.body().contains(alphasCursor), "never the caller's input back");
        }
        for (String twice : List.of("limit=&limit=", "limit=1&limit=100", "after=a&after=b")) {
            for (String path : List.of("/v1/events?" + twice, "/v1/connections?" + twice.replace("after", "cursor"),
                    "/v1/connections?status=ACTIVE&status=PENDING")) {
                Answer refused = function.send("GET", path, beta.apiKey().reveal(), null, null, Map.of());
                assertEquals(400, refused.status(), path + ": " + refused);
                assertTrue(refused.body().contains("more than once"), refused.toString());
            }
        }
        Answer anonymous = function.send("GET", "/v1/events", null, null, null, Map.of());
        assertEquals(401, anonymous.status(), anonymous.toString());
        String listCursor = function.send("GET", "/v1/connections?limit=1", alpha.apiKey().reveal(), null, null,
                Map.of()).text("next");
        if (listCursor != null) {
            assertEquals(400, read(alpha, listCursor, null, null).status(), "the list's cursor is not the feed's");
        }
    }

    @Test
    void aLapsedInvitationIsReportedOnceWhenTheFeedIsReadAndCanNoLongerBeAccepted() {
        Registered alpha = arrange.instance(Platform.ZENDESK);
        Registered invited = arrange.instance(Platform.ZENDESK, io.connectionbroker.domain.License.PAID, false);
        InitiateConnection.Initiated initiated = arrange.privateConnection(alpha.instance(), Mode.BASIC);
        String next = read(alpha, null, null, null).text("next");
        assertEquals(List.of(), types(read(alpha, next, null, null)), "nothing lapsed yet");

        function.clock().advance(InitiateConnection.DEFAULT_INVITATION_LIFETIME.plusSeconds(1));
        try {
            Answer lapsed = read(alpha, next, null, null);
            assertEquals(List.of("invitation.expired"), types(lapsed), lapsed.toString());
            JsonNode event = lapsed.json().get("items").get(0);
            assertEquals(initiated.connection().id(), event.get("connectionId").getStringValue());
            assertTrue(event.get("actor").isNull(), "nobody acted");
            assertEquals(initiated.connection().invitationExpiresAt().toString(), event.get("occurredAt").getStringValue());
            assertEquals(List.of(), types(read(alpha, lapsed.text("next"), null, null)), "reported once");
            assertEquals(List.of(), types(read(invited, null, null, null)).stream()
                    .filter(type -> type.startsWith("invitation")).toList(), "only in the initiator's feed");
            assertEquals("InvitationExpired", assertRefused(invited, initiated));
        } finally {
            function.clock().advance(InitiateConnection.DEFAULT_INVITATION_LIFETIME.plusSeconds(1).negated());
        }
    }

    @Test
    void readsRacingToReportOneLapseReportItOnce() throws Exception {
        Registered alpha = arrange.instance(Platform.ZENDESK);
        InitiateConnection.Initiated initiated = arrange.privateConnection(alpha.instance(), Mode.BASIC);
        function.clock().advance(InitiateConnection.DEFAULT_INVITATION_LIFETIME.plusSeconds(1));
        try {
            Map<String, Integer> told = io.connectionbroker.testing.function.Race.run(20,
                    i -> () -> io.connectionbroker.testing.function.Race.told(read(alpha, null, null, null)));
            // A read still waiting on the feed after a while is told to send again (503); none is told anything else.
            assertTrue(java.util.Set.of("200", "503 temporarily-unavailable").containsAll(told.keySet()), told.toString());
            List<String> expired = types(read(alpha, null, null, null)).stream()
                    .filter("invitation.expired"::equals).toList();
            assertEquals(List.of("invitation.expired"), expired, "one lapse, reported once: " + initiated.connection().id());
        } finally {
            function.clock().advance(InitiateConnection.DEFAULT_INVITATION_LIFETIME.plusSeconds(1).negated());
        }
    }

    @Test
    void pollsRacingInitiationsMissNoLapse() throws Exception {
        Registered alpha = arrange.instance(Platform.ZENDESK);
        Registered beta = arrange.instance(Platform.FRESHDESK);
        // Answered before it lapsed: once its lapse time has passed, a poll looks for lapses and, finding none,
        // tells the feed's head when the next one is due, while the initiations below list new ones.
        arrange.activeConnection(alpha.instance(), beta.instance());
        java.time.Duration lapse = InitiateConnection.DEFAULT_INVITATION_LIFETIME.plusSeconds(1);
        function.clock().advance(lapse);
        try {
            List<String> listed = new java.util.concurrent.CopyOnWriteArrayList<>();
            Map<String, Integer> told = io.connectionbroker.testing.function.Race.run(20, i -> i % 2 == 0
                    ? () -> io.connectionbroker.testing.function.Race.told(read(alpha, null, null, null))
                    : () -> io.connectionbroker.testing.function.Race.told("initiated", () -> listed.add(
                            arrange.privateConnection(alpha.instance(), Mode.BASIC).connection().id())));
            assertTrue(java.util.Set.of("200", "initiated", "503 temporarily-unavailable",
                    "refused temporarily-unavailable").containsAll(told.keySet()), told.toString());

            function.clock().advance(lapse);
            List<String> expired = new ArrayList<>();
            read(alpha, null, null, null).json().get("items").values().forEach(item -> {
                if ("invitation.expired".equals(item.get("type").getStringValue())) {
                    expired.add(item.get("connectionId").getStringValue());
                }
            });
            assertEquals(listed.stream().sorted().toList(), expired.stream().sorted().toList(),
                    "every invitation listed during the race lapses in the feed, once");
        } finally {
            function.clock().advance(lapse.multipliedBy(-2));
        }
    }

    private String assertRefused(Registered invited, InitiateConnection.Initiated initiated) {
        try {
            function.commit(() -> function.bean(AcceptInvitation.class).accept(invited.instance(),
                    new AcceptInvitation.Command(initiated.code().reveal(), "HELP")));
        } catch (io.connectionbroker.domain.refusal.Refusal refused) {
            return refused.getClass().getSimpleName();
        }
        throw new AssertionError("accepted a reported lapse");
    }
}
