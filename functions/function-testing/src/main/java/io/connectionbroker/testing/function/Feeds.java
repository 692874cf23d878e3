package io.connectionbroker.testing.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * The event feeds as the function's store holds them, for checking what a request wrote: read straight from the
 * table, position by position, so that a gap or a repeat shows.
 */
public final class Feeds {
    private final ConnectionStore store;

    public Feeds(FunctionUnderTest function) {
        this.store = function.bean(ConnectionStore.class);
    }

    /** Every event of the instance's feed, oldest first; fails unless the positions run 1, 2, 3... */
    public List<Event> of(String instanceId) {
        List<Event> events = new ArrayList<>();
        long after = 0;
        while (true) {
            List<ConnectionStore.FeedEntry> page = store.findEvents(instanceId, after, 100);
            for (ConnectionStore.FeedEntry entry : page) {
                assertEquals(after + 1, entry.position(), "the feed of " + instanceId + " has a gap or a repeat");
                events.add(entry.event());
                after = entry.position();
            }
            if (page.size() < 100) {
                return events;
            }
        }
    }

    /** The last event of the instance's feed. */
    public Event last(String instanceId) {
        List<Event> events = of(instanceId);
        return events.isEmpty() ? null : events.get(events.size() - 1);
    }

    /**
     * Asserts that each instance's feed ends with the same event (the same id) of this type about this connection,
     * made by this key of this instance.
     *
     * @return the event
     */
    public Event assertLastInEach(String type, String connectionId, String actorInstanceId, String actorKeyId,
                                  String... instanceIds) {
        Event first = null;
        for (String instanceId : instanceIds) {
            Event last = last(instanceId);
            String where = "the feed of " + instanceId + ": " + last;
            assertEquals(type, last == null ? null : last.type().type(), where);
            assertEquals(connectionId, last.connectionId(), where);
            assertEquals(actorInstanceId, last.actor() == null ? null : last.actor().instanceId(), where);
            assertEquals(actorKeyId, last.actor() == null ? null : last.actor().keyId(), where);
            if (first != null) {
                assertEquals(first.id(), last.id(), "one event, in each feed");
            }
            first = last;
        }
        return first;
    }
}
