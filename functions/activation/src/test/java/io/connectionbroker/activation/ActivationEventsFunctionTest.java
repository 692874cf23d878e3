package io.connectionbroker.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.Event;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.Feeds;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deactivating, activating and editing through the handler each write one event, in both sides' feeds, naming
 * the key that called; a replay with the same Idempotency-Key writes none.
 */
class ActivationEventsFunctionTest extends FunctionTest {

    @Test
    void eachChangeIsInBothFeedsOnceEvenWhenReplayed() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Connection connection = arrange.activeConnection(acme.instance(), beta.instance());
        Feeds feeds = new Feeds(function);
        String key = UUID.randomUUID().toString();

        Answer deactivated = function.send("POST", "/v1/connections/" + connection.id() + "/deactivate",
                beta.apiKey().reveal(), null, null, Map.of("Idempotency-Key", key));
        assertEquals(200, deactivated.status(), deactivated.toString());
        Event event = feeds.assertLastInEach("connection.deactivated", connection.id(), beta.instance().id(),
                beta.apiKey().id(), acme.instance().id(), beta.instance().id());
        assertEquals(Map.of("status", "DEACTIVATED"), event.data());
        int before = feeds.of(acme.instance().id()).size();
        Answer replayed = function.send("POST", "/v1/connections/" + connection.id() + "/deactivate",
                beta.apiKey().reveal(), null, null, Map.of("Idempotency-Key", key));
        assertEquals("true", replayed.header("Idempotent-Replayed"), replayed.toString());
        assertEquals(before, feeds.of(acme.instance().id()).size(), "a replay writes no second event");

        assertEquals(200, function.send("POST", "/v1/connections/" + connection.id() + "/activate",
                acme.apiKey().reveal(), null, null, Map.of()).status());
        feeds.assertLastInEach("connection.activated", connection.id(), acme.instance().id(), acme.apiKey().id(),
                acme.instance().id(), beta.instance().id());

        Answer edited = function.send("PATCH", "/v1/connections/" + connection.id(), acme.apiKey().reveal(),
                "{\"name\": \"Renamed\"}", "application/json", Map.of("If-Match", "*"));
        assertEquals(200, edited.status(), edited.toString());
        Event edit = feeds.assertLastInEach("connection.edited", connection.id(), acme.instance().id(),
                acme.apiKey().id(), acme.instance().id(), beta.instance().id());
        assertEquals("Renamed", edit.data().get("name"));
        assertEquals(2, edit.data().size(), "name and description, as they are now");
    }

    @Test
    void aRefusedChangeWritesNoEvent() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Connection connection = arrange.activeConnection(acme.instance(), beta.instance());
        Feeds feeds = new Feeds(function);
        int before = feeds.of(beta.instance().id()).size();
        assertEquals(409, function.send("POST", "/v1/connections/" + connection.id() + "/activate",
                beta.apiKey().reveal(), null, null, Map.of()).status(), "it is active already");
        assertEquals(before, feeds.of(beta.instance().id()).size());
    }
}
