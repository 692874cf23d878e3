package io.connectionbroker.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.Event;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.Feeds;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import org.junit.jupiter.api.Test;

/** Upgrading through the handler writes connection.upgraded in both sides' feeds, with both modes. */
class UpgradeEventsFunctionTest extends FunctionTest {

    @Test
    void theUpgradeIsInBothFeeds() {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Connection connection = arrange.activeConnection(acme.instance(), beta.instance());
        Answer upgraded = function.post("/v1/connections/" + connection.id() + "/upgrade", acme.apiKey().reveal(),
                "{\"mode\": \"SCRIPT\"}");
        assertEquals(200, upgraded.status(), upgraded.toString());
        Event event = new Feeds(function).assertLastInEach("connection.upgraded", connection.id(), acme.instance().id(),
                acme.apiKey().id(), acme.instance().id(), beta.instance().id());
        assertEquals("BASIC", event.data().get("fromMode"));
        assertEquals("SCRIPT", event.data().get("mode"));
    }
}
