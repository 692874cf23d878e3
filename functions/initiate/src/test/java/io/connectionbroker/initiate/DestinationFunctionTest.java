package io.connectionbroker.initiate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.License;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.gateway.GatewayRequest;
import io.connectionbroker.testing.function.Arrange;
import io.connectionbroker.testing.function.EdgeRefusals;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.micronaut.json.tree.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code GET /v1/destinations} through the initiate function's real handler, on DynamoDB Local. */
class DestinationFunctionTest extends FunctionTest {

    private Answer check(Registered caller, String query) {
        return function.send(new GatewayRequest("GET", "/v1/destinations", query,
                Map.of("Authorization", List.of("Bearer " + caller.apiKey().reveal())), null));
    }

    private Answer checkUrl(Registered caller, String url) {
        return check(caller, "url=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
    }

    private static JsonNode mode(Answer answer, Mode mode) {
        JsonNode modes = answer.json().get("modes");
        assertEquals(3, modes.size(), answer.toString());
        JsonNode found = modes.get(mode.ordinal());
        assertEquals(mode.name(), found.get("mode").getStringValue());
        return found;
    }

    private Answer initiate(Registered caller, String url, Mode mode) {
        String destination = url == null ? "{\"private\": true}" : "{\"url\": \"" + url + "\"}";
        return function.post("/v1/connections", caller.apiKey().reveal(), "{\"destination\": " + destination
                + ", \"mode\": \"" + mode + "\", \"localShortName\": \"a\", \"remoteShortName\": \"b\","
                + " \"project\": \"P\"}");
    }

    @Test
    void aRegisteredDestinationShowsItsPlatformAndTheModesItOffers() {
        Registered beta = arrange.instance(Platform.FRESHDESK);

        Answer answer = checkUrl(acme, beta.instance().url().value().toUpperCase(java.util.Locale.ROOT) + "/");

        assertEquals(200, answer.status(), answer.toString());
        assertEquals("application/json", answer.header("content-type"));
        assertEquals("PUBLIC", answer.text("type"));
        assertEquals(beta.instance().url().value(), answer.text("url"));
        assertEquals("true", answer.text("registered"));
        assertEquals("FRESHDESK", answer.text("platform"));
        assertTrue(mode(answer, Mode.BASIC).get("offered").getBooleanValue());
        assertTrue(mode(answer, Mode.BASIC).get("reason").isNull());
        assertFalse(mode(answer, Mode.VISUAL).get("offered").getBooleanValue());
        assertTrue(mode(answer, Mode.VISUAL).get("reason").getStringValue().contains("FRESHDESK"), answer.toString());
        assertTrue(mode(answer, Mode.SCRIPT).get("offered").getBooleanValue());
        assertEquals("true", answer.text("adminAccessOffered"));
    }

    /** The seeds' bug: VISUAL to a Freshdesk that had not registered yet made a connection nobody could accept. */
    @ParameterizedTest
    @EnumSource(Platform.class)
    void aDestinationNotRegisteredYetGetsItsPlatformsModesAndInitiateAgrees(Platform platform) {
        String url = Arrange.newUrl(platform);

        Answer answer = checkUrl(acme, url);

        assertEquals(200, answer.status(), answer.toString());
        assertEquals("false", answer.text("registered"));
        assertEquals(platform.name(), answer.text("platform"));
        for (Mode mode : Mode.values()) {
            boolean offered = mode(answer, mode).get("offered").getBooleanValue();
            assertEquals(platform.offeredModes().contains(mode), offered, mode.name());
            Answer initiated = initiate(acme, url, mode);
            assertEquals(offered ? 201 : 422, initiated.status(), mode + ": " + initiated);
            if (!offered) {
                assertTrue(initiated.text("detail").contains(mode(answer, mode).get("reason").getStringValue()),
                        initiated.toString());
            }
        }
    }

    @Test
    void aPrivateDestinationAndTheCallersOwnUrl() {
        Registered free = arrange.instance(Platform.ZENDESK, License.FREE, true);

        Answer privately = check(free, "private=true");
        Answer local = checkUrl(free, free.instance().url().value());

        assertEquals(200, privately.status(), privately.toString());
        assertEquals("PRIVATE", privately.text("type"));
        assertNull(privately.text("url"));
        assertNull(privately.text("platform"));
        assertEquals("false", privately.text("registered"));
        assertFalse(mode(privately, Mode.VISUAL).get("offered").getBooleanValue());
        assertTrue(mode(privately, Mode.SCRIPT).get("reason").getStringValue().contains("FREE"), privately.toString());
        assertEquals("false", privately.text("adminAccessOffered"));
        assertEquals("LOCAL", local.text("type"));
        assertEquals("true", local.text("registered"));
        assertEquals("ZENDESK", local.text("platform"));
    }

    @Test
    void twoPrivateSidesAreRefusedForEveryModeWithTheReasonInitiateGives() {
        Registered closed = arrange.instance(Platform.ZENDESK, License.PAID, false);
        Registered alsoClosed = arrange.instance(Platform.FRESHDESK, License.PAID, false);

        Answer answer = checkUrl(closed, alsoClosed.instance().url().value());
        Answer initiated = initiate(closed, alsoClosed.instance().url().value(), Mode.BASIC);

        assertEquals(200, answer.status(), answer.toString());
        for (Mode mode : Mode.values()) {
            assertFalse(mode(answer, mode).get("offered").getBooleanValue());
            assertEquals(initiated.text("detail"), mode(answer, mode).get("reason").getStringValue());
        }
        assertEquals(422, initiated.status(), initiated.toString());
    }

    @Test
    void neitherBothOrANonBooleanPrivateOrOneSentTwiceAnswer400AndAUrlOffEveryPlatform422() {
        for (String query : new String[] {"", "url=", "private=false", "private=yes",
            "private=true&url=https%3A%2F%2Fbeta.freshdesk.com", "private=true&private=", "url=&url=",
            "url=https%3A%2F%2Fbeta.freshdesk.com&url=https%3A%2F%2Fgamma.freshdesk.com"}) {
            Answer answer = check(acme, query);
            assertEquals(400, answer.status(), query + ": " + answer);
            assertEquals("application/problem+json", answer.header("content-type"));
        }
        Answer elsewhere = checkUrl(acme, "https://example.com");
        assertEquals(422, elsewhere.status(), elsewhere.toString());
        assertEquals("urn:connection-broker:problem:unsupported-instance-url", elsewhere.text("type"));
    }

    @Test
    void withoutAKeyAnswers401() {
        EdgeRefusals.assertNoKeyIs401(function, "GET", "/v1/destinations");
    }
}
