package io.connectionbroker.initiate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.connectionbroker.domain.Event;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.Feeds;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.connectionbroker.testing.function.Race;
import io.connectionbroker.testing.function.RaceTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Initiating and re-inviting through the handler write their events in the initiator's feed; a hundred
 * initiations by one instance at once each get one event, at positions without gaps or repeats.
 */
class InitiateEventsFunctionTest extends RaceTest {
    private static final String PRIVATE_BASIC = """
            {"destination": {"private": true}, "mode": "BASIC", "localShortName": "acme", "remoteShortName": "beta",
             "description": "Tickets both ways", "project": "SUPPORT"}""";

    @Override
    protected Map<String, Object> properties() {
        return Race.PATIENT_DATABASE;
    }

    @Test
    void initiatingAndReinvitingAreInTheInitiatorsFeedWithoutTheCode() {
        Registered alpha = arrange.instance(Platform.ZENDESK);
        Feeds feeds = new Feeds(function);
        Answer initiated = function.post("/v1/connections", alpha.apiKey().reveal(), PRIVATE_BASIC);
        assertEquals(201, initiated.status(), initiated.toString());
        String id = initiated.text("connection.id");
        Event event = feeds.assertLastInEach("connection.initiated", id, alpha.instance().id(), alpha.apiKey().id(),
                alpha.instance().id());
        assertEquals("PRIVATE", event.data().get("type"));
        assertEquals("BASIC", event.data().get("mode"));
        assertEquals("Tickets both ways", event.data().get("description"));
        assertEquals(initiated.text("connection.invitationExpiresAt"), event.data().get("invitationExpiresAt"));
        assertFalse(event.data().toString().contains(initiated.text("invitation.code")), "never the code");

        Answer reinvited = function.post("/v1/connections/" + id + "/invitation", alpha.apiKey().reveal(), null);
        assertEquals(201, reinvited.status(), reinvited.toString());
        Event reissued = feeds.assertLastInEach("invitation.reissued", id, alpha.instance().id(), alpha.apiKey().id(),
                alpha.instance().id());
        assertEquals(reinvited.text("invitation.expiresAt"), reissued.data().get("invitationExpiresAt"));
        assertFalse(reissued.data().toString().contains(reinvited.text("invitation.code")), "never the code");
    }

    @Test
    void aHundredInitiationsAtOnceAreEachInTheFeedOnceInPositionsWithoutGaps() throws Exception {
        Registered alpha = arrange.instance(Platform.ZENDESK);
        Set<String> created = ConcurrentHashMap.newKeySet();
        Map<String, Integer> told = Race.run(CALLERS, i -> () -> {
            Answer answer = function.post("/v1/connections", alpha.apiKey().reveal(), PRIVATE_BASIC);
            if (answer.status() == 201) {
                created.add(answer.text("connection.id"));
            } else {
                assertNotNull(answer.header("Retry-After"), answer.toString());
            }
            return Race.told(answer);
        });
        // All append to one feed: each round one is written and the rest learn where its head is now and try
        // again, for a while (long, with the race classes' patient limits); a caller still waiting after that is
        // told to send again, and has written nothing.
        assertEquals(CALLERS, told.getOrDefault("201", 0) + told.getOrDefault("503 temporarily-unavailable", 0),
                told.toString());
        assertEquals(created, connectionsInFeed(alpha), "exactly the initiations told 201, each once");
        for (int i = 0; i < told.getOrDefault("503 temporarily-unavailable", 0); i++) {
            Answer again = function.post("/v1/connections", alpha.apiKey().reveal(), PRIVATE_BASIC);
            assertEquals(201, again.status(), again.toString());
            created.add(again.text("connection.id"));
        }
        assertEquals(CALLERS, created.size());
        assertEquals(created, connectionsInFeed(alpha));
    }

    /** The connections the instance's feed has an event of, failing on a repeated event or position. */
    private Set<String> connectionsInFeed(Registered instance) {
        List<Event> events = new Feeds(function).of(instance.instance().id()).stream()
                .filter(event -> event.connectionId() != null).toList();
        assertEquals(events.size(), events.stream().map(Event::id).distinct().count(), "nothing doubled");
        Set<String> connections = new HashSet<>(events.stream().map(Event::connectionId).toList());
        assertEquals(events.size(), connections.size(), "one event per connection");
        return connections;
    }
}
