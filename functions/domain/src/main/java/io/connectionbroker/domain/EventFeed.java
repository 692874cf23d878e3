package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.FieldErrors;
import io.connectionbroker.domain.refusal.InvalidRequest;
import java.time.Clock;
import java.util.List;

/**
 * What happened, per instance: its feed of events, oldest first, a page at a time. A private side polls it to
 * learn what its partners did; admins read it as the audit trail.
 */
public final class EventFeed {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 100;
    /**
     * Lapsed invitations reported per read at most, so that a read after a long silence stays quick; the rest
     * are reported by the next reads, each before the events that follow it.
     */
    static final int LAPSES_PER_READ = 25;
    private static final String KIND = "events";

    private final ConnectionStore store;
    private final Clock clock;
    private final InstanceCursors cursors;

    public EventFeed(ConnectionStore store, Clock clock, CursorSeal cursors) {
        this.store = store;
        this.clock = clock;
        this.cursors = new InstanceCursors(cursors, "after", "is not a cursor of this feed; send the next value of"
                + " your previous read as it was, or leave it out to read from the oldest event kept",
                "was given to another instance; send the next cursor of your own feed");
    }

    /**
     * @param next always given: the cursor to send as {@code after} next time, the same one again while nothing
     *             is new
     * @param tag  an opaque tag of this page for HTTP's ETag: the same for the same cursor as long as nothing
     *             new arrived after it
     */
    public record Page(List<Event> events, String next, String tag) {
    }

    /**
     * Reports the caller's invitations that lapsed since the last read (as {@code invitation.expired}) and reads
     * the events after the cursor, those reports included.
     *
     * @param limit how many at most, 1 to 100; null for 100
     * @param after the {@code next} of an earlier page, or null to start from the oldest event kept
     * @throws InvalidRequest for a limit out of range, or a cursor this instance was not given
     */
    public Page read(Instance caller, Integer limit, String after) {
        FieldErrors checks = new FieldErrors();
        int size = InstanceCursors.size(checks, limit, DEFAULT_LIMIT, MAX_LIMIT);
        Long read = after == null ? Long.valueOf(0) : checks.valid(() -> positionIn(after, caller));
        checks.throwIfInvalid();
        long position = read;

        ConnectionStore.FeedRead feed = store.readFeed(caller.id(), position, size, clock.instant(), LAPSES_PER_READ);
        List<ConnectionStore.FeedEntry> entries = feed.entries();
        if (reportLapses(caller.id(), feed.lapsed()) && entries.size() < size) {
            // The lapses just reported follow the events read: read again so that this page has them.
            entries = store.findEvents(caller.id(), position, size);
        }
        long last = entries.isEmpty() ? position : entries.get(entries.size() - 1).position();
        String next = cursors.cursorFor(caller, KIND + "|" + last);
        return new Page(entries.stream().map(ConnectionStore.FeedEntry::event).toList(), next,
                ConnectionTag.ofParts(List.of(KIND, caller.id(), Long.toString(position), Long.toString(last))));
    }

    /**
     * Expiry is decided on read, as everywhere: a lapse joins the feed when the feed is read after it.
     *
     * @return whether any lapse joined the feed
     */
    private boolean reportLapses(String instanceId, List<ConnectionStore.LapsedInvitation> lapses) {
        boolean reported = false;
        for (ConnectionStore.LapsedInvitation lapsed : lapses) {
            // Nobody acted: the invitation lapsed when it did, unanswered. Losing means it was answered,
            // replaced, deleted or reported meanwhile: nothing more to say.
            reported |= store.reportLapse(lapsed, new Event(Event.newId(), EventType.INVITATION_EXPIRED,
                    lapsed.expiresAt(), lapsed.connectionId(), null, Event.data("invitationExpiresAt",
                    lapsed.expiresAt()), List.of(instanceId)));
        }
        return reported;
    }

    /** The position in the feed a cursor carries (the feed's kind first, so the list's cursors are refused). */
    private long positionIn(String cursor, Instance caller) {
        String position = cursors.positionIn(cursor, caller);
        if (!position.startsWith(KIND + "|")) {
            throw cursors.forgedCursor();
        }
        try {
            return Long.parseLong(position.substring(KIND.length() + 1));
        } catch (NumberFormatException e) {
            throw cursors.forgedCursor();
        }
    }
}
