package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.InstanceKeys;
import io.connectionbroker.domain.License;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.Arrange;
import io.connectionbroker.testing.function.EdgeRefusals;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.connectionbroker.testing.function.TableItems;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /v1/instances/recover} through the function's real handler, asking the stand-in helpdesks. */
class RecoverInstanceFunctionTest extends FunctionTest {

    private Answer recover(String url, String apiKey) {
        return function.post("/v1/instances/recover", null,
                "{\"url\": \"" + url + "\", \"proof\": {\"kind\": \"API_KEY\", \"apiKey\": \"" + apiKey + "\"}}");
    }

    @Test
    void anAdministratorGetsANewKeyAndEveryOtherKeyStopsWorkingAtOnce() {
        Registered beta = arrange.instance(Platform.FRESHDESK, License.PAID, true);
        String second = function.commit(() -> function.bean(InstanceKeys.class).issue(beta.instance())).apiKey().reveal();

        Answer answer = recover(beta.instance().url().value().toUpperCase().replace("HTTPS", "https"), "local-admin");

        assertEquals(201, answer.status(), answer.toString());
        assertEquals("no-store", answer.header("cache-control"));
        String recovered = answer.text("apiKey");
        assertTrue(recovered.startsWith("cbk_" + answer.text("keyId") + "_"), recovered);
        for (String revoked : List.of(beta.apiKey().reveal(), second)) {
            assertEquals(401, function.get("/v1/instances/me", revoked).status(), "a key from before still works");
        }
        Answer own = function.get("/v1/instances/me", recovered);
        assertEquals(200, own.status(), own.toString());
        assertEquals(beta.instance().id(), own.text("instance.id"));
        assertEquals("PAID", own.text("instance.license"), "the instance is the same, licence and all");
        assertEquals(1, own.json().get("keys").size());
        assertNotEquals(beta.apiKey().id(), answer.text("keyId"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "local-agent       | 403 | not-an-administrator",
        "made-up           | 422 | ownership-not-proven",
        "standin-failing   | 503 | helpdesk-unavailable",
    })
    void withoutAConfirmedAdministratorNothingChanges(String credential, int status, String kind) {
        Registered beta = arrange.instance(Platform.FRESHSERVICE, License.PAID, true);
        var before = TableItems.of(function);

        Answer answer = recover(beta.instance().url().value(), credential);

        assertEquals(status, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:" + kind, answer.text("type"));
        assertFalse(answer.body().contains(credential), answer.body());
        assertEquals(before, TableItems.of(function));
        assertEquals(200, function.get("/v1/instances/me", beta.apiKey().reveal()).status());
    }

    @Test
    void aUrlNobodyRegisteredIs404AndAUrlNoHelpdeskHasIs422() {
        Answer unregistered = recover(Arrange.newUrl(Platform.FRESHDESK), "local-admin");
        assertEquals(404, unregistered.status(), unregistered.toString());
        assertEquals("urn:connection-broker:problem:instance-not-registered", unregistered.text("type"));

        Answer elsewhere = recover("https://beta.example.com", "local-admin");
        assertEquals(422, elsewhere.status(), elsewhere.toString());
        assertEquals("urn:connection-broker:problem:unsupported-instance-url", elsewhere.text("type"));
    }

    @Test
    void missingAndUnknownFieldsAreNamed() {
        Answer missing = function.post("/v1/instances/recover", null, "{}");
        assertEquals(400, missing.status(), missing.toString());
        assertEquals(List.of("url", "proof"), missing.errorFields());

        Answer unknown = function.post("/v1/instances/recover", null, "{\"url\": \"https://a.freshdesk.com\","
                + " \"platform\": \"FRESHDESK\", \"proof\": {\"kind\": \"API_KEY\", \"apiKey\": \"local-admin\"}}");
        assertEquals(400, unknown.status(), unknown.toString());
        assertEquals(List.of("platform"), unknown.errorFields());
    }

    @Test
    void aBodyTooLargeOrNotJsonIsRefusedAsEverywhere() {
        EdgeRefusals.assertBodyOver64KilobytesIs413(function, "POST", "/v1/instances/recover", null);
        EdgeRefusals.assertBodyNotSentAsJsonIs415(function, "POST", "/v1/instances/recover", null);
    }
}
