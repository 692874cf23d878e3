package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.License;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.Arrange;
import io.connectionbroker.testing.function.DynamoDbFaults;
import io.connectionbroker.testing.function.EdgeRefusals;
import io.connectionbroker.testing.function.FunctionUnderTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.connectionbroker.testing.function.TableItems;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code PUT /v1/operator/instances/{id}/license} through the function's real handler: signed by IAM as API
 * Gateway passes it on in AWS, or with the local run's operator token; nobody else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorLicenseFunctionTest {
    private static final String OPERATOR = "arn:aws:iam::000000000000:user/operator";
    private static final String TOKEN = "local-operator-token-for-tests";
    private FunctionUnderTest function;
    private FunctionUnderTest withoutToken;
    private Arrange arrange;

    @BeforeAll
    void start() {
        function = FunctionUnderTest.start(Map.of("connection-broker.operator-token", TOKEN));
        withoutToken = FunctionUnderTest.start();
        arrange = new Arrange(function);
    }

    @AfterAll
    void stop() {
        function.close();
        withoutToken.close();
    }

    private String path(Registered instance) {
        return "/v1/operator/instances/" + instance.instance().id() + "/license";
    }

    @Test
    void theOperatorSignedByIamSetsALicenceThatTheInstanceThenHas() {
        Registered acme = arrange.instance(Platform.ZENDESK, License.FREE, true);

        Answer answer = function.sendSignedByIam("PUT", path(acme), "{\"license\": \"PAID\"}", OPERATOR);

        assertEquals(200, answer.status(), answer.toString());
        assertEquals("PAID", answer.text("license"));
        assertEquals(acme.instance().id(), answer.text("id"));
        assertEquals(License.PAID, function.bean(ConnectionStore.class).findInstance(acme.instance().id())
                .orElseThrow().licenseAt(function.clock().instant()));
        assertEquals("PAID", function.get("/v1/instances/me", acme.apiKey().reveal()).text("instance.license"));
    }

    @Test
    void aTrialSetByTheOperatorRunsThirtyDaysFromNow() {
        Registered acme = arrange.instance(Platform.FRESHDESK, License.FREE, true);
        Instant now = function.clock().instant();

        Answer answer = function.sendSignedByIam("PUT", path(acme), "{\"license\": \"TRIAL\"}", OPERATOR);

        assertEquals(200, answer.status(), answer.toString());
        assertEquals("TRIAL", answer.text("license"));
        assertEquals(now.plus(Duration.ofDays(30)).toEpochMilli(), Instant.parse(answer.text("trialEndsAt")).toEpochMilli(),
                1.0);
    }

    @Test
    void locallyTheOperatorTokenIsTheOperator() {
        Registered acme = arrange.instance(Platform.ZENDESK, License.FREE, true);

        Answer answer = function.send("PUT", path(acme), null, "{\"license\": \"PAID\"}", "application/json",
                Map.of("Authorization", "Bearer " + TOKEN));

        assertEquals(200, answer.status(), answer.toString());
        assertEquals("PAID", answer.text("license"));
    }

    @Test
    void nobodyElseSetsALicenceAndNothingChanges() {
        Registered acme = arrange.instance(Platform.ZENDESK, License.FREE, true);
        var before = TableItems.of(function);

        List<Answer> refused = List.of(
                function.post(path(acme), null, "{\"license\": \"PAID\"}"),
                function.send("PUT", path(acme), acme.apiKey().reveal(), "{\"license\": \"PAID\"}", "application/json"),
                function.send("PUT", path(acme), null, "{\"license\": \"PAID\"}", "application/json",
                        Map.of("Authorization", "Bearer " + TOKEN + "x")),
                function.send("PUT", path(acme), null, "{\"license\": \"PAID\"}", "application/json"),
                withoutToken.send("PUT", "/v1/operator/instances/" + acme.instance().id() + "/license", null,
                        "{\"license\": \"PAID\"}", "application/json", Map.of("Authorization", "Bearer ")),
                function.send("PUT", path(acme), null, "{\"license\": 5}", "application/json"));

        assertEquals(405, refused.get(0).status(), refused.get(0).toString());
        for (Answer answer : refused.subList(1, refused.size())) {
            assertEquals(403, answer.status(), answer.toString());
            assertEquals("urn:connection-broker:problem:operator-only", answer.text("type"));
        }
        assertEquals(before, TableItems.of(function));
    }

    @Test
    void anUnknownInstanceIs404AndCreatesNothing() {
        var before = TableItems.of(function);

        Answer answer = function.sendSignedByIam("PUT", "/v1/operator/instances/" + UUID.randomUUID() + "/license",
                "{\"license\": \"PAID\"}", OPERATOR);

        assertEquals(404, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:instance-not-found", answer.text("type"));
        assertEquals(before, TableItems.of(function));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"license\": \"GOLD\"}", "{\"license\": \"PAID\", \"platform\": \"ZENDESK\"}",
        "{\"license\": null}", "[\"PAID\"]"})
    void aBadBodyIs400(String body) {
        Registered acme = arrange.instance(Platform.ZENDESK, License.FREE, true);

        Answer answer = function.sendSignedByIam("PUT", path(acme), body, OPERATOR);

        assertEquals(400, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:invalid-request", answer.text("type"));
    }

    @Test
    void aBusyDatabaseIs503AndTheSameRequestSentAgainSucceeds() {
        Registered acme = arrange.instance(Platform.ZENDESK, License.FREE, true);
        function.faults().arm(1, DynamoDbFaults.Fault.THROTTLING);

        Answer busy = function.sendSignedByIam("PUT", path(acme), "{\"license\": \"PAID\"}", OPERATOR);
        function.faults().disarm();

        assertEquals(503, busy.status(), busy.toString());
        assertEquals("FREE", function.get("/v1/instances/me", acme.apiKey().reveal()).text("instance.license"));
        assertEquals(200, function.sendSignedByIam("PUT", path(acme), "{\"license\": \"PAID\"}", OPERATOR).status());
    }

    @Test
    void aBodyTooLargeOrNotJsonIsRefusedAsEverywhere() {
        Registered acme = arrange.instance(Platform.ZENDESK, License.FREE, true);

        // With the local operator token in the place of an API key.
        EdgeRefusals.assertBodyOver64KilobytesIs413(function, "PUT", path(acme), TOKEN);
        EdgeRefusals.assertBodyNotSentAsJsonIs415(function, "PUT", path(acme), TOKEN);
    }
}
