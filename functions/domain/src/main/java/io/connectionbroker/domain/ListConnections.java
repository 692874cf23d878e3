package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.FieldErrors;
import io.connectionbroker.domain.refusal.InvalidRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The Connections tab: the caller's connections in both directions, newest first, a page at a time. */
public final class ListConnections {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final ConnectionStore store;
    private final Clock clock;
    private final InstanceCursors cursors;

    public ListConnections(ConnectionStore store, Clock clock, CursorSeal cursors) {
        this.store = store;
        this.clock = clock;
        this.cursors = new InstanceCursors(cursors, "cursor", "is not a cursor this API gave out; use the next value"
                + " of the previous page as it was, or leave it out for the first page",
                "was given to another instance; use the next cursor of your own list");
    }

    /**
     * @param next the cursor for the next page, or null on the last page
     */
    public record Page(List<Connection> connections, String next) {
    }

    /**
     * @param limit  how many at most, 1 to 100; null for 20
     * @param cursor the {@code next} of an earlier page, or null for the first
     * @param status only connections with this status as the caller sees it now (EXPIRED included), or null
     *               for all
     * @throws InvalidRequest for a limit out of range, a status that is none, or a cursor that is not one this
     *                        instance was given
     */
    public Page list(Instance caller, Integer limit, String cursor, String status) {
        FieldErrors checks = new FieldErrors();
        int size = InstanceCursors.size(checks, limit, DEFAULT_LIMIT, MAX_LIMIT);
        ConnectionStatus only = status == null ? null : checks.valid(() -> statusNamed(status));
        String after = cursor == null ? null : checks.valid(() -> cursors.positionIn(cursor, caller));
        checks.throwIfInvalid();

        // One instant for the filter and the answer, so a connection lapsing meanwhile is shown as it was kept.
        Instant now = clock.instant();
        ConnectionStore.ConnectionPage page;
        try {
            page = store.findConnectionsOf(caller.id(), size, after,
                    connection -> only == null || connection.asSeenAt(now).status() == only);
        } catch (IllegalArgumentException notAPosition) {
            throw cursors.forgedCursor();
        }
        return new Page(page.connections().stream().map(connection -> connection.asSeenAt(now)).toList(),
                page.next() == null ? null : cursors.cursorFor(caller, page.next()));
    }

    private static ConnectionStatus statusNamed(String status) {
        for (ConnectionStatus known : ConnectionStatus.values()) {
            if (known.name().equals(status)) {
                return known;
            }
        }
        throw InvalidRequest.of("status", "must be one of " + java.util.Arrays.stream(ConnectionStatus.values())
                .map(Enum::name).collect(java.util.stream.Collectors.joining(", "))
                + ", in capitals; leave it out for every connection");
    }
}
