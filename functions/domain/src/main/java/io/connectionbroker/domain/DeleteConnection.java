package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.ConnectionStateConflict;
import java.time.Clock;
import java.util.Optional;

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
     * Deletes in any status. A pending connection has one side, its source, so only the source can delete it.
     *
     * @throws ConnectionNotFound when the caller is not a side, or the connection is gone already
     * @throws ConnectionStateConflict when other requests kept changing it while it was being deleted
     */
    public void delete(Instance caller, String connectionId) {
        FreshDecisions.untilCommitted(clock, () -> {
            Connection connection = view.view(caller, connectionId);
            return store.deleteConnection(connection) ? Optional.of(connection) : Optional.empty();
        }, () -> view.keptChanging(caller, connectionId, "Look at it again before you delete it."));
    }
}
