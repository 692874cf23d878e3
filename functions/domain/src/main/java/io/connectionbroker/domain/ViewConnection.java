package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.ConnectionNotFound;
import io.connectionbroker.domain.refusal.ConnectionStateConflict;
import java.time.Clock;
import java.util.regex.Pattern;

/** Shows a connection to the instances on its two sides, and to nobody else. */
public final class ViewConnection {
    private static final Pattern CONNECTION_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ConnectionStore store;
    private final Clock clock;

    public ViewConnection(ConnectionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @throws ConnectionNotFound alike for an unknown id and for a connection the caller is not a side of */
    public Connection view(Instance caller, String connectionId) {
        return stored(caller, connectionId).asSeenAt(clock.instant());
    }

    /**
     * The connection as stored (a lapsed invitation still PENDING), to change it from.
     *
     * @throws ConnectionNotFound alike for an unknown id and for a connection the caller is not a side of
     */
    Connection stored(Instance caller, String connectionId) {
        if (!wellFormed(connectionId)) {
            throw new ConnectionNotFound();
        }
        return store.findConnection(connectionId)
                .filter(connection -> connection.hasSide(caller.id()))
                .orElseThrow(ConnectionNotFound::new);
    }

    /** Whether the id could name a connection at all: an id that cannot is not looked up. */
    static boolean wellFormed(String connectionId) {
        return connectionId != null && CONNECTION_ID.matcher(connectionId).matches();
    }

    /**
     * The tag of what the caller is shown of the connection (its ETag): it changes whenever the answer would, and
     * only then.
     */
    public String tag(Connection seen, Instance caller) {
        return ConnectionTag.of(seen, seen.sideOf(caller.id()));
    }

    /**
     * The tag of a page of the caller's connections (its ETag): made of its connections' tags and its next cursor,
     * so it changes whenever one of them, their order or the cursor does.
     */
    public String tag(ListConnections.Page page, Instance caller) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        page.connections().forEach(connection -> parts.add(tag(connection, caller)));
        parts.add(page.next());
        return ConnectionTag.ofParts(parts);
    }

    /**
     * The refusal for a change that kept losing to other requests' changes: the connection's status now, and
     * what to do.
     */
    ConnectionStateConflict keptChanging(Instance caller, String connectionId, String advice) {
        ConnectionStatus now = view(caller, connectionId).status();
        return new ConnectionStateConflict("Other requests kept changing this connection; it is now " + now + ". "
                + advice, now);
    }
}
