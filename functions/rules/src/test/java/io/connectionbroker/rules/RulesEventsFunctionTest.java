package io.connectionbroker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.domain.Event;
import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.Feeds;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import org.junit.jupiter.api.Test;

/** Replacing rules through the handler writes rules.changed in both sides' feeds; a stale version writes none. */
class RulesEventsFunctionTest extends FunctionTest {

    @Test
    void aRulesChangeIsInBothFeedsAndARefusedOneInNone() {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.SCRIPT);
        String id = arrange.accept(beta.instance(), initiated).id();
        Answer replaced = function.send("PUT", "/v1/connections/" + id + "/rules", beta.apiKey().reveal(),
                "{\"version\": 1, \"outgoing\": [], \"incoming\": []}", "application/json");
        assertEquals(200, replaced.status(), replaced.toString());
        Feeds feeds = new Feeds(function);
        Event event = feeds.assertLastInEach("rules.changed", id, beta.instance().id(), beta.apiKey().id(),
                acme.instance().id(), beta.instance().id());
        assertEquals("DESTINATION", event.data().get("side"));
        assertEquals("DESTINATION", event.data().get("owner"));
        assertEquals(2L, ((Number) event.data().get("version")).longValue());

        int before = feeds.of(acme.instance().id()).size();
        assertEquals(409, function.send("PUT", "/v1/connections/" + id + "/rules", beta.apiKey().reveal(),
                "{\"version\": 1, \"outgoing\": [], \"incoming\": []}", "application/json").status());
        assertEquals(before, feeds.of(acme.instance().id()).size());
    }
}
