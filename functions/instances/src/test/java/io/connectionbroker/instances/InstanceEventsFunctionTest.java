package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.connectionbroker.domain.Event;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.testing.function.Arrange;
import io.connectionbroker.testing.function.Feeds;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Registering, issuing and revoking keys and moving to another URL through the handler each write their event
 * in the instance's own feed, with the key's id and never the key.
 */
class InstanceEventsFunctionTest extends FunctionTest {

    @Test
    void anInstancesOwnChangesAreInItsFeed() {
        String url = Arrange.newUrl(Platform.ZENDESK);
        Answer registered = function.post("/v1/instances", null, Arrange.registration(url));
        assertEquals(201, registered.status(), registered.toString());
        String id = registered.text("instance.id");
        String firstKey = registered.text("apiKey");
        Feeds feeds = new Feeds(function);
        Event registration = feeds.last(id);
        assertEquals("instance.registered", registration.type().type());
        assertEquals(id, registration.actor().instanceId());
        assertEquals(url, registration.data().get("url"));
        assertNull(registration.connectionId());

        Answer issued = function.post("/v1/instances/me/keys", firstKey, null);
        assertEquals(201, issued.status(), issued.toString());
        String keyId = issued.text("keyId");
        Event created = feeds.last(id);
        assertEquals("api-key.created", created.type().type());
        assertEquals(keyId, created.data().get("keyId"));
        assertEquals(registration.actor().keyId(), created.actor().keyId(), "issued with the first key");

        Answer revoked = function.send("DELETE", "/v1/instances/me/keys/" + registration.actor().keyId(),
                issued.text("apiKey"), null, null);
        assertEquals(204, revoked.status(), revoked.toString());
        Event revocation = feeds.last(id);
        assertEquals("api-key.revoked", revocation.type().type());
        assertEquals(List.of(registration.actor().keyId(), keyId),
                List.of(revocation.data().get("keyId"), revocation.actor().keyId()), "the old key, by the new one");

        String moved = Arrange.newUrl(Platform.ZENDESK);
        Answer move = function.post("/v1/instances/me/url", issued.text("apiKey"), "{\"url\": \"" + moved
                + "\", \"proof\": {\"kind\": \"OAUTH\", \"accessToken\": \"local-admin\"}}");
        assertEquals(200, move.status(), move.toString());
        Event urlChanged = feeds.last(id);
        assertEquals("instance.url-changed", urlChanged.type().type());
        assertEquals(List.of(url, moved), List.of(urlChanged.data().get("fromUrl"), urlChanged.data().get("url")));
        assertEquals(4, feeds.of(id).size(), "registered, created, revoked, moved");
        feeds.of(id).forEach(event -> assertEquals(false, event.data().toString().contains("cbk_"), "never a key"));
    }
}
