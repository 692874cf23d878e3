package io.connectionbroker.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.DeclineInvitation;
import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.domain.RuleSet;
import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.EdgeRefusals;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /v1/connections/{id}/upgrade} through the function's real handler, on DynamoDB Local. */
class UpgradeConnectionFunctionTest extends FunctionTest {

    private String active(Registered destination, Mode mode) {
        Initiated initiated = arrange.connectionTo(acme.instance(), destination.instance(), mode);
        return arrange.accept(destination.instance(), initiated).id();
    }

    private Answer upgrade(Registered caller, String id, String mode) {
        return function.post("/v1/connections/" + id + "/upgrade", caller.apiKey().reveal(),
                "{\"mode\": \"" + mode + "\"}");
    }

    @ParameterizedTest
    @CsvSource({"ZENDESK, VISUAL, SHARED", "ZENDESK, SCRIPT, SOURCE", "FRESHDESK, SCRIPT, DESTINATION",
        "FRESHSERVICE, SCRIPT, SOURCE"})
    void aBasicConnectionTakesTheNewModeAndItsDefaultRules(Platform platform, String mode, RuleSet.Owner owner) {
        Registered beta = arrange.instance(platform);
        String id = active(beta, Mode.BASIC);

        Answer answer = upgrade(beta, id, mode);

        assertEquals(200, answer.status(), answer.toString());
        assertEquals(mode, answer.text("mode"));
        assertEquals(id, answer.text("id"));
        ConnectionStore store = function.bean(ConnectionStore.class);
        assertEquals(Mode.valueOf(mode), store.findConnection(id).orElseThrow().mode());
        assertEquals(5, store.findRules(id, owner).orElseThrow().outgoing().size());
        if (owner != RuleSet.Owner.SHARED) {
            assertTrue(store.findRules(id, RuleSet.Owner.SHARED).isEmpty(), "Basic's shared set is gone");
        }
    }

    @Test
    void visualOrScriptNeverSwitchAndAFreshPlatformRefusesVisual() {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Answer fixed = upgrade(acme, active(beta, Mode.SCRIPT), "VISUAL");
        assertEquals(422, fixed.status(), fixed.toString());
        assertEquals("urn:connection-broker:problem:mode-fixed", fixed.text("type"));
        assertTrue(fixed.text("detail").contains("Create a new connection"), fixed.text("detail"));

        Answer notOffered = upgrade(acme, active(arrange.instance(Platform.FRESHDESK), Mode.BASIC), "VISUAL");
        assertEquals(422, notOffered.status(), notOffered.toString());
        assertEquals("urn:connection-broker:problem:mode-not-offered", notOffered.text("type"));
    }

    @Test
    void aBadModeOrFieldIs400AndAStranger404() {
        String id = active(arrange.instance(Platform.ZENDESK), Mode.BASIC);

        Answer basic = upgrade(acme, id, "BASIC");
        assertEquals(400, basic.status(), basic.toString());
        assertEquals(List.of("mode"), basic.errorFields());
        Answer unknown = function.post("/v1/connections/" + id + "/upgrade", acme.apiKey().reveal(),
                "{\"mode\": \"TURBO\", \"status\": \"ACTIVE\"}");
        assertEquals(List.of("status", "mode"), unknown.errorFields());
        assertEquals(404, upgrade(arrange.instance(Platform.ZENDESK), id, "SCRIPT").status());
    }

    @Test
    void aDeclinedConnectionIs409AndNoKeyABigOrANonJsonBodyAreRefusedAtTheEdge() {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Initiated declined = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        function.commit(() -> function.bean(DeclineInvitation.class).decline(beta.instance(), declined.code().reveal()));
        Answer answer = upgrade(acme, declined.connection().id(), "SCRIPT");
        assertEquals(409, answer.status(), answer.toString());
        assertEquals("DECLINED", answer.text("connectionStatus"));

        String path = "/v1/connections/" + declined.connection().id() + "/upgrade";
        EdgeRefusals.assertNoKeyIs401(function, "POST", path);
        EdgeRefusals.assertBodyOver64KilobytesIs413(function, "POST", path, acme.apiKey().reveal());
        EdgeRefusals.assertBodyNotSentAsJsonIs415(function, "POST", path, acme.apiKey().reveal());
    }

    @Test
    void upgradingAConnection() {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());
        new AccessChecks(function, arrange).assertOnlyASideGetsIn("POST", "/v1/connections/" + connection.id()
                + "/upgrade", "{\"mode\": \"SCRIPT\"}", List.of(connection.id(), connection.source().url().value(), connection.destination().url().value()));
    }
}
