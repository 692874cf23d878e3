package io.connectionbroker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.EdgeRefusals;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code GET} and {@code PUT /v1/connections/{id}/rules} through the function's real handler. */
class SyncRulesFunctionTest extends FunctionTest {
    private static final String TWO_RULES = """
            {"version": %d, "outgoing": [{"field": "summary", "transform": "COPY"}],
             "incoming": [{"field": "comments", "transform": "COPY"}]}""";

    private Connection active(Registered destination, Mode mode) {
        InitiateConnection.Initiated initiated = arrange.connectionTo(acme.instance(), destination.instance(), mode);
        return arrange.accept(destination.instance(), initiated);
    }

    private Answer get(Registered caller, String id) {
        return function.get("/v1/connections/" + id + "/rules", caller.apiKey().reveal());
    }

    private Answer put(Registered caller, String id, String body) {
        return function.send("PUT", "/v1/connections/" + id + "/rules", caller.apiKey().reveal(), body,
                "application/json");
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class)
    void scriptRulesArePerSideAndEachSideChangesOnlyItsOwn(Platform platform) {
        Registered beta = arrange.instance(platform);
        String id = active(beta, Mode.SCRIPT).id();

        Answer source = get(acme, id);
        assertEquals(200, source.status(), source.toString());
        assertEquals("SOURCE", source.text("side"));
        assertEquals("1", source.text("version"));
        assertEquals(5, source.json().get("outgoing").size());
        assertEquals("DESTINATION", get(beta, id).text("side"));

        Answer changed = put(acme, id, TWO_RULES.formatted(1));
        assertEquals(200, changed.status(), changed.toString());
        assertEquals("2", changed.text("version"));
        assertEquals(1, get(acme, id).json().get("outgoing").size());
        assertEquals(5, get(beta, id).json().get("outgoing").size(), "the other side's rules are untouched");
        assertEquals("1", get(beta, id).text("version"));

        Answer stale = put(acme, id, TWO_RULES.formatted(1));
        assertEquals(409, stale.status(), stale.toString());
        assertEquals("urn:connection-broker:problem:rules-version-conflict", stale.text("type"));
        assertEquals("2", stale.text("currentVersion"));
    }

    @Test
    void visualRulesAreOneSetThatEitherSideEdits() {
        Registered beta = arrange.instance(Platform.ZENDESK);
        String id = active(beta, Mode.VISUAL).id();

        assertEquals(200, put(beta, id, TWO_RULES.formatted(1)).status());

        Answer source = get(acme, id);
        assertEquals("2", source.text("version"));
        assertEquals("comments", source.json().get("outgoing").get(0).get("field").getStringValue());
        assertEquals("summary", source.json().get("incoming").get(0).get("field").getStringValue());
    }

    @Test
    void basicRulesAreFixedAndAPutAnswers422() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        String id = active(beta, Mode.BASIC).id();

        Answer basic = get(beta, id);
        assertTrue(basic.body().contains("\"AS_PUBLIC_COMMENT\"") && basic.body().contains("\"MIRROR_TYPE\""),
                basic.body());
        Answer refused = put(beta, id, TWO_RULES.formatted(1));
        assertEquals(422, refused.status(), refused.toString());
        assertEquals("urn:connection-broker:problem:rules-read-only", refused.text("type"));
    }

    @Test
    void aTransformThatDoesNotFitItsFieldIsNamed() {
        String id = active(arrange.instance(Platform.ZENDESK), Mode.SCRIPT).id();

        Answer answer = put(acme, id, """
                {"version": 1,
                 "outgoing": [{"field": "summary", "transform": "MIRROR_TYPE"},
                              {"field": "type", "transform": "MIRROR_TYPE"}],
                 "incoming": [{"field": "attachments", "transform": "AS_PUBLIC_COMMENT"},
                              {"field": "internalComments", "transform": "AS_PUBLIC_COMMENT"}]}""");

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of("outgoing[0].transform", "incoming[0].transform"), answer.errorFields());
        assertEquals("1", get(acme, id).text("version"));
    }

    @Test
    void badRulesAreNamedByTheirPath() {
        String id = active(arrange.instance(Platform.ZENDESK), Mode.SCRIPT).id();

        Answer answer = put(acme, id, """
                {"outgoing": [{"field": "password", "transform": "EVAL"},
                              {"field": "summary", "direction": "SIDEWAYS", "transform": "COPY", "code": "x"}],
                 "incoming": "all"}""");

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of("outgoing[0].transform", "outgoing[0].field", "outgoing[1].code",
                "outgoing[1].direction", "incoming", "version"), answer.errorFields());
        assertEquals("1", get(acme, id).text("version"));
    }

    @Test
    void aRuleStillSentWithADirectionIsRefusedNamingIt() {
        String id = active(arrange.instance(Platform.ZENDESK), Mode.SCRIPT).id();

        Answer answer = put(acme, id, """
                {"version": 1, "outgoing": [{"field": "summary", "direction": "OUTGOING", "transform": "COPY"}],
                 "incoming": []}""");

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of("outgoing[0].direction"), answer.errorFields());
        assertTrue(answer.body().contains("the list a rule is in (outgoing or incoming) gives its direction"),
                answer.body());
        assertEquals("1", get(acme, id).text("version"));
        assertFalse(get(acme, id).body().contains("direction"), "a rule read back has no direction");
    }

    @Test
    void aStrangerAnUnknownIdAndAPendingDestinationGet404() {
        Registered beta = arrange.instance(Platform.ZENDESK);
        String pending = arrange.connectionTo(acme.instance(), beta.instance(), Mode.SCRIPT).connection().id();

        assertEquals(404, get(beta, pending).status());
        assertEquals(404, get(arrange.instance(Platform.ZENDESK), active(beta, Mode.SCRIPT).id()).status());
        assertEquals(404, get(acme, UUID.randomUUID().toString()).status());
        assertEquals(404, put(beta, pending, TWO_RULES.formatted(1)).status());
        assertEquals(401, function.get("/v1/connections/" + pending + "/rules", null).status());
    }

    @Test
    void noKeyABigOrANonJsonBodyAreRefusedAtTheEdge() {
        String path = "/v1/connections/" + active(arrange.instance(Platform.ZENDESK), Mode.VISUAL).id() + "/rules";
        EdgeRefusals.assertNoKeyIs401(function, "GET", path);
        EdgeRefusals.assertNoKeyIs401(function, "PUT", path);
        EdgeRefusals.assertBodyOver64KilobytesIs413(function, "PUT", path, acme.apiKey().reveal());
        EdgeRefusals.assertBodyNotSentAsJsonIs415(function, "PUT", path, acme.apiKey().reveal());
        EdgeRefusals.assertUndecodablePathIsTheGateways400(function, "GET", "/v1/connections/%E0%A4/rules",
                acme.apiKey().reveal());
    }

    @Test
    void readingAndReplacingRules() {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());
        AccessChecks access = new AccessChecks(function, arrange);
        String path = "/v1/connections/" + connection.id() + "/rules";
        access.assertOnlyASideGetsIn("GET", path, null, List.of(connection.id(), connection.source().url().value(), connection.destination().url().value()));
        access.assertOnlyASideGetsIn("PUT", path, "{\"version\": 1, \"outgoing\": [], \"incoming\": []}",
                List.of(connection.id(), connection.source().url().value(), connection.destination().url().value()));
    }
}
