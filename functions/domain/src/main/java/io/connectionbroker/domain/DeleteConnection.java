package io.connectionbroker.domain;

import java.time.Clock;

/** Either side deletes a connection, with its invitation: afterwards nobody finds it. */
public final class DeleteConnection {
    private final ViewConnection view;
    private final ConnectionStore store;

    public DeleteConnection(ConnectionStore store, Clock clock) {
        this.view = new ViewConnection(store, clock);
        this.store = store;
    }

    /**
     * Deletes in any status. A pending connection has one side, its source, so only the source can delete it.
     *
     * @throws ConnectionNotFound when the caller is not a side, or the connection is gone already
     */
    public void delete(Instance caller, String connectionId) {
        Connection connection = view.view(caller, connectionId);
        if (!store.deleteConnection(connection)) {
            throw new ConnectionNotFound();
        }
    }
}
