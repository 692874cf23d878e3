package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.connectionbroker.domain.InstanceKeys;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.DynamoDbLocalEngine;
import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.EdgeRefusals;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /v1/instances/me} and its keys through the function's real handler, on DynamoDB Local. */
class InstanceKeysFunctionTest extends FunctionTest {

    @Test
    void anAppRotatesItsKeyAndTheOldOneStopsWorkingAtOnce() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        String oldKey = beta.apiKey().reveal();

        Answer me = function.get("/v1/instances/me", oldKey);
        assertEquals(200, me.status(), me.toString());
        assertEquals(beta.instance().id(), me.text("instance.id"));
        assertEquals(1, keys(me).size());
        assertEquals(beta.apiKey().id(), keys(me).get(0));
        assertNotNull(me.json().get("keys").values().iterator().next().get("lastUsedAt").getStringValue(),
                "this request used it");

        function.clock().advance(java.time.Duration.ofSeconds(1));
        Answer issued = function.post("/v1/instances/me/keys", oldKey, null);
        assertEquals(201, issued.status(), issued.toString());
        assertEquals("no-store", issued.header("Cache-Control"));
        String newKey = issued.text("apiKey");
        assertEquals(List.of(beta.apiKey().id(), issued.text("keyId")), keys(function.get("/v1/instances/me", newKey)));

        assertEquals(204, function.send("DELETE", "/v1/instances/me/keys/" + beta.apiKey().id(), newKey, null, null)
                .status());
        Answer revoked = function.get("/v1/instances/me", oldKey);
        assertEquals(401, revoked.status(), revoked.toString());
        assertEquals(List.of(issued.text("keyId")), keys(function.get("/v1/instances/me", newKey)));

        Answer last = function.send("DELETE", "/v1/instances/me/keys/" + issued.text("keyId"), newKey, null, null);
        assertEquals(409, last.status(), last.toString());
        assertEquals("urn:connection-broker:problem:last-key", last.text("type"));
    }

    @Test
    void anotherInstancesKeyIsNotFoundAndAFifthKeyIsTheLast() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        String key = beta.apiKey().reveal();

        Answer foreign = function.send("DELETE", "/v1/instances/me/keys/" + acme.apiKey().id(), key, null, null);
        assertEquals(404, foreign.status(), foreign.toString());
        assertEquals("urn:connection-broker:problem:key-not-found", foreign.text("type"));
        assertEquals(200, function.get("/v1/instances/me", acme.apiKey().reveal()).status(), "acme's key still works");

        List<String> secrets = new ArrayList<>(List.of(key));
        for (int i = 1; i < InstanceKeys.MAX_KEYS; i++) {
            Answer issued = function.post("/v1/instances/me/keys", key, null);
            assertEquals(201, issued.status(), issued.toString());
            secrets.add(issued.text("apiKey"));
        }
        Answer over = function.post("/v1/instances/me/keys", key, null);
        assertEquals(409, over.status(), over.toString());
        assertEquals("urn:connection-broker:problem:key-limit-reached", over.text("type"));

        String dump = DynamoDbLocalEngine.shared().client().scanPaginator(scan -> scan.tableName(function.tableName()))
                .items().toString();
        for (String secret : secrets) {
            assertFalse(dump.contains(secret.substring(21)), "a key's secret is stored");
        }
    }

    @Test
    void everyRouteWantsAKey() {
        EdgeRefusals.assertNoKeyIs401(function, "GET", "/v1/instances/me");
        EdgeRefusals.assertNoKeyIs401(function, "POST", "/v1/instances/me/keys");
        EdgeRefusals.assertNoKeyIs401(function, "DELETE", "/v1/instances/me/keys/" + acme.apiKey().id());
        EdgeRefusals.assertUndecodablePathIsTheGateways400(function, "DELETE", "/v1/instances/me/keys/%E0%A4",
                acme.apiKey().reveal());
    }

    private static List<String> keys(Answer answer) {
        List<String> ids = new ArrayList<>();
        answer.json().get("keys").values().forEach(key -> ids.add(key.get("keyId").getStringValue()));
        return ids;
    }

    @Test
    void theOwnRecordAndKeysWantAValidKey() {
        AccessChecks access = new AccessChecks(function, arrange);
        access.assertOnlyAValidKeyGetsIn("GET", "/v1/instances/me", null);
        access.assertOnlyAValidKeyGetsIn("POST", "/v1/instances/me/keys", null);
        access.assertOnlyAValidKeyGetsIn("DELETE", "/v1/instances/me/keys/" + acme.apiKey().id(), null);
    }
}
