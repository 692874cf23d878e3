package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.AuthenticateInstance;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.InstanceUrl;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.helpdesk.standin.StandInHelpdesks;
import io.connectionbroker.testing.function.Arrange;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.connectionbroker.testing.function.FunctionUnderTest;
import io.connectionbroker.testing.function.TableItems;
import io.connectionbroker.web.document.IdempotencyHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /v1/instances} through the function's real handler, on DynamoDB Local, asking the stand-in
 * helpdesks over HTTP (see {@link StandInHelpdesks} for what each credential is).
 */
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

    private Answer register(String body) {
        return function.post("/v1/instances", null, body);
    }

    private static String body(String url, String proof) {
        return "{\"url\": \"" + url + "\", \"proof\": " + proof + "}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ZENDESK      | {\"kind\": \"API_TOKEN\", \"email\": \"admin@acme.test\", \"token\": \"local-admin\"}",
        "ZENDESK      | {\"kind\": \"OAUTH\", \"accessToken\": \"local-admin\"}",
        "FRESHDESK    | {\"kind\": \"API_KEY\", \"apiKey\": \"local-admin\"}",
        "FRESHDESK    | {\"kind\": \"OAUTH\", \"accessToken\": \"local-admin\"}",
        "FRESHSERVICE | {\"kind\": \"API_KEY\", \"apiKey\": \"local-admin\"}",
        "FRESHSERVICE | {\"kind\": \"OAUTH\", \"accessToken\": \"local-admin\"}",
    })
    void anAdministratorsProofRegistersTheInstanceOnATrialWithAKeyThatWorks(Platform platform, String proof) {
        String url = Arrange.newUrl(platform);
        Instant now = function.clock().instant();

        Answer answer = register(body(url.toUpperCase().replace("HTTPS", "https") + "/", proof));

        assertEquals(201, answer.status(), answer.toString());
        assertEquals("application/json", answer.header("content-type"));
        assertEquals("no-store", answer.header("cache-control"));
        assertEquals(url, answer.text("instance.url"));
        assertEquals(platform.name(), answer.text("instance.platform"));
        assertEquals("TRIAL", answer.text("instance.license"));
        assertEquals(now.plus(Duration.ofDays(30)).toEpochMilli(),
                Instant.parse(answer.text("instance.trialEndsAt")).toEpochMilli(), 1);
        assertEquals("true", answer.text("instance.public"));
        assertNotNull(answer.text("instance.createdAt"));
        assertFalse(answer.body().contains("local-admin"), "the proof is never echoed");
        String id = answer.text("instance.id");
        String apiKey = answer.text("apiKey");
        assertTrue(apiKey.startsWith("cbk_"), apiKey);
        assertEquals(id, function.bean(AuthenticateInstance.class).authenticate(apiKey).id());
        assertEquals(id, function.bean(ConnectionStore.class)
                .findInstanceByUrl(InstanceUrl.parse("url", url)).orElseThrow().id());
    }

    @Test
    void theTrialEndsInFreeAndTheViewSaysSo() {
        Answer registered = register(Arrange.registration(Arrange.newUrl(Platform.ZENDESK)));
        String apiKey = registered.text("apiKey");

        function.clock().advance(Duration.ofDays(30));
        Answer own = function.get("/v1/instances/me", apiKey);
        function.clock().advance(Duration.ofDays(-30));

        assertEquals("FREE", own.text("instance.license"), own.toString());
        assertEquals(registered.text("instance.trialEndsAt"), own.text("instance.trialEndsAt"));
    }

    @Test
    void aPlatformSentMustBeTheHostsOwn() {
        String url = Arrange.newUrl(Platform.FRESHDESK);
        String proof = "{\"kind\": \"OAUTH\", \"accessToken\": \"local-admin\"}";

        assertEquals(201, register("{\"url\": \"" + url + "\", \"platform\": \"FRESHDESK\", \"proof\": " + proof + "}")
                .status());

        Answer other = register("{\"url\": \"" + Arrange.newUrl(Platform.FRESHDESK)
                + "\", \"platform\": \"ZENDESK\", \"proof\": " + proof + "}");
        assertEquals(422, other.status(), other.toString());
        assertEquals("urn:connection-broker:problem:platform-mismatch", other.text("type"));
    }

    @Test
    void publicDefaultsToTrueAndFalseIsKept() {
        assertEquals("true", register(Arrange.registration(Arrange.newUrl(Platform.ZENDESK))).text("instance.public"));
        assertEquals("false", register("{\"url\": \"" + Arrange.newUrl(Platform.ZENDESK) + "\", \"public\": false,"
                + " \"proof\": {\"kind\": \"OAUTH\", \"accessToken\": \"local-admin\"}}").text("instance.public"));
    }

    @Test
    void aUrlAlreadyRegisteredInAnySpellingAnswers409() {
        String url = Arrange.newUrl(Platform.ZENDESK);
        assertEquals(201, register(Arrange.registration(url)).status());

        Answer again = register(Arrange.registration(url.toUpperCase().replace("HTTPS", "https") + "./"));

        assertEquals(409, again.status(), again.toString());
        assertEquals("application/problem+json", again.header("content-type"));
        assertEquals("urn:connection-broker:problem:instance-already-registered", again.text("type"));
        assertTrue(again.text("detail").contains(url), again.text("detail"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "made-up-credential            | 422 | ownership-not-proven",
        "local-agent                   | 403 | not-an-administrator",
        "standin-redirect              | 422 | ownership-not-proven",
        "standin-other-account         | 422 | ownership-not-proven",
        "standin-failing               | 503 | helpdesk-unavailable",
        "standin-garbled               | 503 | helpdesk-unavailable",
        "standin-hang                  | 503 | helpdesk-unavailable",
    })
    void withoutAConfirmedAdministratorNothingIsWritten(String credential, int status, String kind) {
        var before = TableItems.of(function);

        Answer answer = register(body(Arrange.newUrl(Platform.ZENDESK),
                "{\"kind\": \"API_TOKEN\", \"email\": \"someone@acme.test\", \"token\": \"" + credential + "\"}"));

        assertEquals(status, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.header("content-type"));
        assertEquals("urn:connection-broker:problem:" + kind, answer.text("type"));
        assertFalse(answer.body().contains(credential), "the credential is never echoed: " + answer.body());
        if (status == 503) {
            assertEquals("5", answer.header("retry-after"));
        }
        assertEquals(before, TableItems.of(function), "nothing is written unless ownership is proven");
        assertEquals(0, function.helpdesks().redirectsFollowed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.example.com", "https://acme.zendesk.com/agent", "https://acme.zendesk.com:8443",
        "https://127.0.0.1", "https://localhost", "http://acme.zendesk.com", "https://user:pw@acme.zendesk.com",
        "https://acme.zendesk.com/?q=1", "https://acme.zendesk.com.evil.example"})
    void aUrlNoHelpdeskCanHaveAnswers422BeforeAnyHelpdeskIsAsked(String url) {
        int asked = function.helpdesks().requests();

        Answer answer = register(Arrange.registration(url));

        assertEquals(422, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:unsupported-instance-url", answer.text("type"));
        assertFalse(answer.text("detail").contains("evil") || answer.text("detail").contains("example"),
                answer.text("detail"));
        assertEquals(asked, function.helpdesks().requests(), "the credential went nowhere");
    }

    @Test
    void everyBadFieldIsNamedInOne400() {
        Answer answer = register("{\"url\": 7, \"platform\": \"JIRA\", \"license\": \"PAID\", \"public\": \"yes\","
                + " \"id\": \"mine\", \"colour\": \"blue\", \"proof\": {\"kind\": \"PASSWORD\", \"password\": \"x\"}}");

        assertEquals(400, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:invalid-request", answer.text("type"));
        assertEquals(List.of("id", "colour", "license", "url", "platform", "public", "proof.kind", "proof.password"),
                answer.errorFields());
        assertTrue(answer.text("detail").contains("license cannot be sent"), answer.text("detail"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"kind\": \"API_KEY\", \"apiKey\": \"local-admin\"}                          | proof.kind",
        "{\"kind\": \"API_TOKEN\", \"token\": \"local-admin\"}                         | proof.email",
        "{\"kind\": \"API_TOKEN\", \"email\": \"a@b.c\", \"apiKey\": \"local-admin\"}  | proof.apiKey",
        "{\"kind\": \"OAUTH\", \"accessToken\": \"  \"}                                | proof.accessToken",
        "{\"accessToken\": \"local-admin\"}                                            | proof.kind",
        "\"local-admin\"                                                               | proof",
    })
    void aMalformedProofAnswers400NamingItsPartsAndAsksNoHelpdesk(String proof, String fields) {
        int asked = function.helpdesks().requests();

        Answer answer = register(body(Arrange.newUrl(Platform.ZENDESK), proof));

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of(fields.split(",")), answer.errorFields());
        assertFalse(answer.body().contains("local-admin"), answer.body());
        assertEquals(asked, function.helpdesks().requests());
    }

    @Test
    void aLicenceSentEvenAsNullIsRefusedByName() {
        Answer answer = register("{\"url\": \"" + Arrange.newUrl(Platform.ZENDESK) + "\", \"license\": null,"
                + " \"proof\": {\"kind\": \"OAUTH\", \"accessToken\": \"local-admin\"}}");

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of("license"), answer.errorFields());
    }

    @Test
    void missingFieldsAreNamed() {
        Answer answer = register("{}");

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of("url", "proof"), answer.errorFields());
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000-0000-0000-0000-000000000000", "00000000-0000-4000-8000-000000000000",
        "11111111-2222-1333-8444-555555555555", "not-a-uuid"})
    void aFixedOrGuessableIdempotencyKeyAnswers400(String key) {
        Answer answer = function.send("POST", "/v1/instances", null,
                Arrange.registration(Arrange.newUrl(Platform.ZENDESK)), "application/json",
                Map.of(IdempotencyHeaders.KEY, key));

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of(IdempotencyHeaders.KEY), answer.errorFields());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"url\": ", "[1, 2]", "\"text\"", "null", ""})
    void aBodyThatIsNotAJsonObjectAnswers400(String body) {
        Answer answer = register(body);

        assertEquals(400, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.header("content-type"));
        assertEquals(List.of("body"), answer.errorFields(), answer.toString());
    }

    @Test
    void aBodyOver64KilobytesAnswers413() {
        String body = "{\"url\": \"https://big.zendesk.com\", \"padding\": \"" + "x".repeat(64 * 1024) + "\"}";

        Answer answer = register(body);

        assertEquals(413, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:payload-too-large", answer.text("type"));
    }

    @Test
    void aBodyThatIsNotJsonByContentTypeAnswers415() {
        Answer answer = function.send("POST", "/v1/instances", null,
                "url=https://form.zendesk.com", "application/x-www-form-urlencoded");

        assertEquals(415, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.header("content-type"));
        assertEquals("urn:connection-broker:problem:unsupported-media-type", answer.text("type"));
    }

    @Test
    void aBodyWithoutAContentTypeAnswers415() {
        Answer answer = function.send("POST", "/v1/instances", null,
                Arrange.registration("https://untyped.zendesk.com"), null);

        assertEquals(415, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:unsupported-media-type", answer.text("type"));
    }

    @Test
    void aFieldSentTwiceAnswers400NamingIt() {
        Answer answer = register("{\"url\": \"https://one.zendesk.com\", \"url\": \"https://two.zendesk.com\","
                + " \"proof\": {\"kind\": \"OAUTH\", \"accessToken\": \"local-admin\"}}");

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
        Answer answer = register(Arrange.registration(Arrange.newUrl(Platform.ZENDESK)));
        String apiKey = answer.text("apiKey");
        String keyId = apiKey.substring(4, 20);

        var stored = function.bean(ConnectionStore.class).findKey(keyId).orElseThrow();

        assertFalse(stored.hash().toBase64().contains(apiKey.substring(21)));
    }
}
