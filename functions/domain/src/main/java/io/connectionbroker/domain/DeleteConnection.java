package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.ConnectionNotFound;
import io.connectionbroker.domain.refusal.ConnectionStateConflict;
import java.time.Clock;

/** Either side deletes a connection, with its invitation: afterwards nobody finds it. */
public final class DeleteConnection {
    private final ViewConnection view;
    private final ConnectionStore store;
    private final Clock clock;

    public DeleteConnection(ConnectionStore store, Clock clock) {
        this.view = new ViewConnection(store, clock);
        this.store = store;
        this.clock = clock;
    }

    /**
     * Deletes in any status: the result is the connection as it was deleted. A pending connection has one side,
     * its source, so only the source can delete it. Refuses with {@link ConnectionNotFound} when the caller is
     * not a side, or the connection is gone already; with {@link ConnectionStateConflict} when other requests
     * kept changing it while it was being deleted.
     */
    public Decision<Connection> delete(Instance caller, String connectionId) {
        return Decision.of(() -> {
            Connection connection = view.view(caller, connectionId);
            // A DELETE has no Idempotency-Key: deleting again answers 404, which says the same.
            return Decision.change(connection, (kept, actor) -> store.deleteConnection(connection, java.util.List.of(
                            Event.about(connection, EventType.CONNECTION_DELETED, actor, clock.instant().truncatedTo(
                                    java.time.temporal.ChronoUnit.MILLIS), Event.data("name", connection.name())))),
                    () -> view.keptChanging(caller, connectionId, "Look at it again before you delete it."));
        });
    }
}
