package io.connectionbroker.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.domain.ViewConnection;
import io.connectionbroker.testing.function.EdgeRefusals;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code PATCH /v1/connections/{id}} through the activation function's real handler, on DynamoDB Local. */
class EditConnectionFunctionTest extends FunctionTest {

    private Answer edit(Registered caller, String id, String ifMatch, String body) {
        Map<String, String> headers = new HashMap<>();
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        return function.send("PATCH", "/v1/connections/" + id, caller.apiKey().reveal(), body, "application/json",
                headers);
    }

    /** The ETag GET answers the caller now (the status function computes it with the same domain code). */
    private String etag(Registered caller, String id) {
        ViewConnection view = function.bean(ViewConnection.class);
        Instance instance = caller.instance();
        return "\"" + view.tag(view.view(instance, id), instance) + "\"";
    }

    private Connection stored(String id) {
        return function.bean(ConnectionStore.class).findConnection(id).orElseThrow();
    }

    @Test
    void eitherSideEditsWithTheETagOfItsReadAndGetsTheNewOne() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Connection connection = arrange.activeConnection(acme.instance(), beta.instance());
        String id = connection.id();

        Answer renamed = edit(acme, id, etag(acme, id), "{\"name\": \"  acme to beta (support)  \"}");

        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals("acme to beta (support)", renamed.text("name"));
        assertEquals(etag(acme, id), renamed.header("ETag"), "the ETag a GET would answer now");
        assertEquals("SOURCE", renamed.text("yourSide"));
        Answer described = edit(beta, id, etag(beta, id), "{\"description\": \"Tickets\\nboth ways\"}");
        assertEquals(200, described.status(), described.toString());
        assertEquals("acme to beta (support)", described.text("name"), "a field left out stays");
        assertEquals("Tickets\nboth ways", stored(id).description());
        Answer cleared = edit(beta, id, etag(beta, id), "{\"description\": null}");
        assertEquals(200, cleared.status(), cleared.toString());
        assertNull(stored(id).description());
        assertEquals(connection.version() + 3, stored(id).version());
        assertEquals(connection.status(), stored(id).status());
    }

    @Test
    void aStaleETagIs412AndChangesNothing() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        String id = arrange.activeConnection(acme.instance(), beta.instance()).id();
        String read = etag(acme, id);
        assertEquals(200, edit(beta, id, etag(beta, id), "{\"name\": \"beta's name\"}").status());

        Answer stale = edit(acme, id, read, "{\"name\": \"acme's name\"}");
        Answer otherSidesTag = edit(acme, id, etag(beta, id), "{\"name\": \"acme's name\"}");

        assertEquals(412, stale.status(), stale.toString());
        assertEquals("application/problem+json", stale.header("content-type"));
        assertEquals("urn:connection-broker:problem:connection-changed", stale.text("type"));
        assertEquals(412, otherSidesTag.status(), "each side's answer has its own tag");
        assertEquals("beta's name", stored(id).name());
        assertEquals(200, edit(acme, id, "W/\"x\", " + etag(acme, id), "{\"name\": \"acme's name\"}").status(),
                "a list holding the current tag matches");
        assertEquals(200, edit(acme, id, "*", "{\"name\": \"any\"}").status());
    }

    @Test
    void aLapsedInvitationChangesTheETagAndAnEditKeepsItPending() {
        Initiated initiated = arrange.privateConnection(acme.instance(), Mode.BASIC);
        String id = initiated.connection().id();
        String beforeLapse = etag(acme, id);
        function.clock().advance(Duration.ofHours(72).plusSeconds(1));
        try {
            assertNotEquals(beforeLapse, etag(acme, id), "what GET shows changed: EXPIRED");
            assertEquals(412, edit(acme, id, beforeLapse, "{\"name\": \"x\"}").status());

            Answer edited = edit(acme, id, etag(acme, id), "{\"name\": \"x\"}");

            assertEquals(200, edited.status(), edited.toString());
            assertEquals("EXPIRED", edited.text("status"));
            assertEquals(io.connectionbroker.domain.ConnectionStatus.PENDING, stored(id).status(),
                    "EXPIRED is shown, never stored");
        } finally {
            function.clock().advance(Duration.ofHours(-72).minusSeconds(1));
        }
    }

    @Test
    void withoutIfMatchIs428() {
        String id = arrange.privateConnection(acme.instance(), Mode.BASIC).connection().id();

        Answer answer = edit(acme, id, null, "{\"name\": \"x\"}");

        assertEquals(428, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:precondition-required", answer.text("type"));
        assertEquals(1, stored(id).version(), "nothing was written");
    }

    @Test
    void anyOtherFieldNothingToChangeAndTextInitiateRefusesAre400() {
        String id = arrange.privateConnection(acme.instance(), Mode.BASIC).connection().id();
        String tag = etag(acme, id);
        Map<String, List<String>> refused = Map.of(
                "{\"status\": \"ACTIVE\"}", List.of("status"),
                "{\"name\": \"x\", \"mode\": \"SCRIPT\"}", List.of("mode"),
                "{}", List.of("name"),
                "{\"name\": null}", List.of("name"),
                "{\"name\": \"   \"}", List.of("name"),
                "{\"name\": \"" + "n".repeat(101) + "\"}", List.of("name"),
                "{\"name\": \"two\\nlines\"}", List.of("name"),
                "{\"description\": \"" + "d".repeat(1001) + "\"}", List.of("description"),
                "{\"description\": \"bidi \\u202e\"}", List.of("description"));

        refused.forEach((body, fields) -> {
            Answer answer = edit(acme, id, tag, body);
            assertEquals(400, answer.status(), body + ": " + answer);
            assertEquals(fields, answer.errorFields(), body + ": " + answer);
        });
        assertEquals(1, stored(id).version(), "nothing was written");
    }

    @Test
    void aStrangerAndAnUnknownIdGet404() {
        Registered stranger = arrange.instance(Platform.ZENDESK);
        String id = arrange.privateConnection(acme.instance(), Mode.BASIC).connection().id();

        assertEquals(404, edit(stranger, id, "*", "{\"name\": \"x\"}").status());
        assertEquals(404, edit(acme, java.util.UUID.randomUUID().toString(), "*", "{\"name\": \"x\"}").status());
    }

    @Test
    void aReplayedIdempotencyKeyAnswersTheFirstEditAgain() {
        String id = arrange.privateConnection(acme.instance(), Mode.BASIC).connection().id();
        Map<String, String> headers = Map.of("If-Match", etag(acme, id), "Idempotency-Key", "edit-1");

        Answer first = function.send("PATCH", "/v1/connections/" + id, acme.apiKey().reveal(), "{\"name\": \"x\"}",
                "application/json", headers);
        Answer again = function.send("PATCH", "/v1/connections/" + id, acme.apiKey().reveal(), "{\"name\": \"x\"}",
                "application/json", headers);

        assertEquals(200, first.status(), first.toString());
        assertEquals(first.body(), again.body());
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(2, stored(id).version(), "one edit");
    }

    @Test
    void edgeRefusals() {
        String path = "/v1/connections/" + arrange.privateConnection(acme.instance(), Mode.BASIC).connection().id();
        EdgeRefusals.assertNoKeyIs401(function, "PATCH", path);
        EdgeRefusals.assertBodyOver64KilobytesIs413(function, "PATCH", path, acme.apiKey().reveal());
        EdgeRefusals.assertBodyNotSentAsJsonIs415(function, "PATCH", path, acme.apiKey().reveal());
        EdgeRefusals.assertUndecodablePathIsTheGateways400(function, "PATCH", "/v1/connections/%ff",
                acme.apiKey().reveal());
    }
}
