package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.AuthenticateInstance;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.InstanceUrl;
import io.connectionbroker.testing.function.FunctionUnderTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /v1/instances} through the function's real handler, on DynamoDB Local. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterInstanceFunctionTest {
    private FunctionUnderTest function;

    @BeforeAll
    void start() {
        function = FunctionUnderTest.start();
    }

    @AfterAll
    void stop() {
        function.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZENDESK", "FRESHDESK", "FRESHSERVICE"})
    void registeringAnswers201WithTheInstanceAndAKeyThatWorks(String platform) {
        String url = "https://Reg-" + platform + ".example.com/";

        Answer answer = function.post("/v1/instances", null,
                "{\"url\": \"" + url + "\", \"platform\": \"" + platform + "\", \"license\": \"TRIAL\", \"public\": true}");

        assertEquals(201, answer.status(), answer.toString());
        assertEquals("application/json", answer.header("content-type"));
        assertEquals("no-store", answer.header("cache-control"));
        assertEquals("https://reg-" + platform.toLowerCase() + ".example.com", answer.text("instance.url"));
        assertEquals(platform, answer.text("instance.platform"));
        assertEquals("TRIAL", answer.text("instance.license"));
        assertEquals("true", answer.text("instance.public"));
        assertNotNull(answer.text("instance.createdAt"));
        String id = answer.text("instance.id");
        String apiKey = answer.text("apiKey");
        assertTrue(apiKey.startsWith("cbk_"), apiKey);
        assertEquals(id, function.bean(AuthenticateInstance.class).authenticate(apiKey).id());
        assertEquals(id, function.bean(ConnectionStore.class)
                .findInstanceByUrl(InstanceUrl.parse("url", url)).orElseThrow().id());
    }

    @Test
    void publicDefaultsToTrueAndFalseIsKept() {
        assertEquals("true", function.post("/v1/instances", null,
                "{\"url\": \"https://default-public.example.com\", \"platform\": \"ZENDESK\", \"license\": \"FREE\"}")
                .text("instance.public"));
        assertEquals("false", function.post("/v1/instances", null,
                "{\"url\": \"https://closed.example.com\", \"platform\": \"ZENDESK\", \"license\": \"FREE\", \"public\": false}")
                .text("instance.public"));
    }

    @Test
    void aUrlAlreadyRegisteredAnswers409() {
        String body = "{\"url\": \"https://twice.example.com\", \"platform\": \"ZENDESK\", \"license\": \"PAID\"}";
        assertEquals(201, function.post("/v1/instances", null, body).status());

        Answer again = function.post("/v1/instances", null,
                "{\"url\": \"https://TWICE.example.com/\", \"platform\": \"FRESHDESK\", \"license\": \"PAID\"}");

        assertEquals(409, again.status(), again.toString());
        assertEquals("application/problem+json", again.header("content-type"));
        assertEquals("urn:connection-broker:problem:instance-already-registered", again.text("type"));
        assertTrue(again.text("detail").contains("https://twice.example.com"), again.text("detail"));
    }

    @Test
    void everyBadFieldIsNamedInOne400() {
        Answer answer = function.post("/v1/instances", null,
                "{\"url\": \"http://x.example.com?a=1\", \"platform\": \"JIRA\", \"license\": 3, \"public\": \"yes\","
                        + " \"id\": \"mine\", \"colour\": \"blue\"}");

        assertEquals(400, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:invalid-request", answer.text("type"));
        assertEquals(List.of("id", "colour", "platform", "license", "public"), answer.errorFields());
        assertTrue(answer.text("detail").contains("id is set by the service"), answer.text("detail"));
    }

    @Test
    void theUrlIsValidatedOnceTheTypesAreRight() {
        Answer answer = function.post("/v1/instances", null,
                "{\"url\": \"https://user:pw@x.example.com\", \"platform\": \"ZENDESK\", \"license\": \"FREE\"}");

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of("url"), answer.errorFields());
    }

    @Test
    void missingFieldsAreNamed() {
        Answer answer = function.post("/v1/instances", null, "{}");

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of("url", "platform", "license"), answer.errorFields());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"url\": ", "[1, 2]", "\"text\"", "null", ""})
    void aBodyThatIsNotAJsonObjectAnswers400(String body) {
        Answer answer = function.post("/v1/instances", null, body);

        assertEquals(400, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.header("content-type"));
        assertEquals(List.of("body"), answer.errorFields(), answer.toString());
    }

    @Test
    void aBodyOver64KilobytesAnswers413() {
        String body = "{\"url\": \"https://big.example.com\", \"platform\": \"ZENDESK\", \"license\": \"FREE\","
                + " \"padding\": \"" + "x".repeat(64 * 1024) + "\"}";

        Answer answer = function.post("/v1/instances", null, body);

        assertEquals(413, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:payload-too-large", answer.text("type"));
    }

    @Test
    void aBodyThatIsNotJsonByContentTypeAnswers415() {
        Answer answer = function.send("POST", "/v1/instances", null,
                "url=https://form.example.com", "application/x-www-form-urlencoded");

        assertEquals(415, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.header("content-type"));
        assertEquals("urn:connection-broker:problem:unsupported-media-type", answer.text("type"));
    }

    @Test
    void aBodyWithoutAContentTypeAnswers415() {
        Answer answer = function.send("POST", "/v1/instances", null,
                "{\"url\": \"https://untyped.example.com\", \"platform\": \"ZENDESK\", \"license\": \"FREE\"}", null);

        assertEquals(415, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:unsupported-media-type", answer.text("type"));
    }

    @Test
    void aFieldSentTwiceAnswers400NamingIt() {
        Answer answer = function.post("/v1/instances", null,
                "{\"url\": \"https://one.example.com\", \"url\": \"https://two.example.com\","
                        + " \"platform\": \"ZENDESK\", \"license\": \"FREE\"}");

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of("body"), answer.errorFields());
        assertTrue(answer.text("detail").contains("'url' more than once"), answer.text("detail"));
    }

    @Test
    void aRouteThisFunctionDoesNotServeAnswers404AsAProblem() {
        Answer answer = function.get("/v1/nothing-here", null);

        assertEquals(404, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.header("content-type"));
    }

    @Test
    void theKeyIsNeverStoredInPlainText() {
        Answer answer = function.post("/v1/instances", null,
                "{\"url\": \"https://hashed.example.com\", \"platform\": \"ZENDESK\", \"license\": \"FREE\"}");
        String apiKey = answer.text("apiKey");
        String keyId = apiKey.substring(4, 20);

        var stored = function.bean(ConnectionStore.class).findKey(keyId).orElseThrow();

        assertFalse(stored.hash().toBase64().contains(apiKey.substring(21)));
    }
}
