package io.connectionbroker.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.gateway.GatewayRequest;
import io.connectionbroker.testing.function.Arrange;
import io.connectionbroker.testing.function.FunctionUnderTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated hostile requests against every route at once (one handler with every function, on DynamoDB
 * Local): bodies, content types, keys, path ids, cursors and codes, valid and not. Whatever arrives, the
 * answer is a 2xx, or a 4xx with a problem body; never a 5xx.
 */
class HostileRequestsPropertyTest {
    private static final List<String> ROUTES = List.of("POST /v1/instances", "GET /v1/instances/me",
            "POST /v1/instances/me/keys", "DELETE /v1/instances/me/keys/{id}", "POST /v1/connections",
            "GET /v1/connections", "GET /v1/connections/{id}", "DELETE /v1/connections/{id}",
            "POST /v1/connections/{id}/invitation", "POST /v1/connections/{id}/activate",
            "POST /v1/connections/{id}/deactivate", "POST /v1/connections/{id}/upgrade",
            "GET /v1/connections/{id}/rules", "PUT /v1/connections/{id}/rules", "POST /v1/invitations/accept",
            "POST /v1/invitations/decline", "POST /v1/instances/recover", "POST /v1/instances/me/url",
            "PUT /v1/operator/instances/{id}/license");
    private static final List<String> FIELDS = List.of("url", "platform", "license", "public", "destination",
            "private", "mode", "localShortName", "remoteShortName", "name", "description", "project", "adminAccess",
            "code", "version", "outgoing", "incoming", "field", "direction", "transform", "id", "status", "type",
            "createdAt", "source", "instanceId", "apiKey", "proof", "kind", "accessToken", "token", "email");

    private static FunctionUnderTest function;
    private static Registered acme;
    /** Not in the hostile requests, which may revoke acme's key. */
    private static Registered initiator;
    private static Connection connection;
    private static Initiated pending;

    @BeforeContainer
    static void start() {
        function = FunctionUnderTest.start();
        Arrange arrange = new Arrange(function);
        acme = arrange.instance(Platform.ZENDESK);
        initiator = arrange.instance(Platform.ZENDESK);
        connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());
        pending = arrange.connectionTo(acme.instance(), arrange.instance(Platform.ZENDESK).instance(), Mode.SCRIPT);
    }

    @AfterContainer
    static void stop() {
        function.close();
    }

    @Property(tries = 1500)
    void everyAnswerIsASuccessOrAProblemNeverAServerError(@ForAll("requests") GatewayRequest request) {
        Answer answer = function.send(request);

        assertTrue(answer.status() < 500, "answered " + answer + "\n  to " + describe(request));
        if (answer.status() >= 400) {
            assertEquals("application/problem+json", answer.header("Content-Type"), answer.toString());
            assertTrue(answer.text("type").startsWith("urn:connection-broker:problem:"), answer.toString());
            assertEquals(Integer.toString(answer.status()), answer.text("status"), answer.toString());
        }
    }

    @Property(tries = 200)
    void aFieldTheServiceSetsOrDoesNotKnowIsRefusedByName(@ForAll("initiations") String field) {
        Answer answer = function.post("/v1/connections", initiator.apiKey().reveal(), """
                {"destination": {"private": true}, "mode": "BASIC", "localShortName": "a", "remoteShortName": "b",
                 "project": "P", "%s": "x"}""".formatted(field));

        assertEquals(400, answer.status(), answer.toString());
        assertTrue(answer.errorFields().contains(field), field + " is not named: " + answer);
    }

    @Provide
    Arbitrary<String> initiations() {
        return Arbitraries.oneOf(Arbitraries.of("id", "status", "type", "createdAt", "updatedAt", "source",
                "invitationExpiresAt", "instanceId", "apiKey"), Arbitraries.strings().alpha().ofMinLength(1)
                .ofMaxLength(20).filter(name -> !List.of("destination", "mode", "localShortName", "remoteShortName",
                        "name", "description", "project", "adminAccess").contains(name)));
    }

    @Provide
    Arbitrary<GatewayRequest> requests() {
        Arbitrary<String> route = Arbitraries.of(ROUTES);
        Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.just(connection.id()),
                Arbitraries.just(pending.connection().id()), Arbitraries.just(acme.apiKey().id()),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(300)
                        .map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8)));
        // Header values as API Gateway delivers them: visible ASCII and inner spaces, trimmed (it refuses
        // control characters and strips surrounding white space before a function sees a request).
        Arbitrary<String> headerValue = Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(200)
                .map(String::strip).filter(text -> !text.isEmpty());
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just(acme.apiKey().reveal()),
                Arbitraries.just(pending.code().reveal()), headerValue,
                Arbitraries.strings().alpha().numeric().ofLength(80).map(text -> "cbk_" + text));
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json; charset=utf-8",
                "text/plain", "application/x-www-form-urlencoded", "application/problem+json", "",
                "application/json; charset=utf-16", "application/json; charset=no-such-charset");
        Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().ofMaxLength(60).map(text -> "limit=" + URLEncoder.encode(text, StandardCharsets.UTF_8)),
                Arbitraries.integers().between(-5, 500).map(n -> "limit=" + n),
                Arbitraries.strings().ofMaxLength(200).map(text -> "cursor=" + URLEncoder.encode(text, StandardCharsets.UTF_8)));
        // Idempotency keys: mostly none; a few reused across requests (replays and reuse), or anything.
        Arbitrary<String> idempotencyKey = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(null)),
                Tuple.of(2, Arbitraries.of("k-1", "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b")), Tuple.of(1, headerValue));
        return Combinators.combine(route, id, key, contentType, query, bodies(), idempotencyKey)
                .as((r, i, k, c, q, b, ik) -> {
            String method = r.substring(0, r.indexOf(' '));
            String path = r.substring(r.indexOf(' ') + 1).replace("{id}", i);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            if (k != null) {
                headers.put("Authorization", List.of(k.startsWith("cb") ? "Bearer " + k : k));
            }
            if (b != null && !c.isEmpty()) {
                headers.put("Content-Type", List.of(c));
            }
            if (ik != null) {
                headers.put("Idempotency-Key", List.of(ik));
            }
            return new GatewayRequest(method, path, q, headers, b);
        });
    }

    /** Bodies: none, any text, or JSON objects of known and unknown fields with values of any JSON type. */
    private Arbitrary<String> bodies() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80).map(HostileRequestsPropertyTest::quoted),
                Arbitraries.integers().map(String::valueOf), Arbitraries.of("true", "false", "null", "[]", "{}",
                        "1e308", "-0.5", "[{\"field\": \"summary\", \"transform\": \"COPY\"}]",
                        "{\"url\": \"https://x.example.com\"}", "{\"private\": true}", quoted(pending.code().reveal()),
                        "\"https://x.zendesk.com\"", "{\"kind\": \"OAUTH\", \"accessToken\": \"local-admin\"}",
                        "{\"kind\": \"API_KEY\", \"apiKey\": \"standin-garbled\"}", "\"API_TOKEN\"",
                        "{\"kind\": \"API_TOKEN\", \"email\": \"a@b.c\", \"token\": \"local-agent\"}",
                        "\"BASIC\"", "\"SCRIPT\"", "\"ZENDESK\"", "\"PAID\""));
        Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(20));
        Arbitrary<String> object = Combinators.combine(field, value).as((f, v) -> quoted(f) + ": " + v).list()
                .ofMaxSize(8).map(members -> "{" + String.join(", ", members) + "}");
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().ofMaxLength(200), object, object,
                object);
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String describe(GatewayRequest request) {
        List<String> parts = new ArrayList<>(List.of(request.method(), request.rawPath(), "?" + request.rawQueryString()));
        parts.add(request.headers().toString());
        parts.add(String.valueOf(request.body()));
        return String.join(" ", parts);
    }
}
