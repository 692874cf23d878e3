package io.connectionbroker.domain.refusal;

import io.connectionbroker.domain.ConnectionStatus;

/** A change the connection's current status does not allow, for example deactivating a pending connection. */
public final class ConnectionStateConflict extends Refusal {
    private final ConnectionStatus status;

    public ConnectionStateConflict(String detail, ConnectionStatus status) {
        super(detail);
        this.status = status;
    }

    /** The connection's status when the change was refused. */
    public ConnectionStatus status() {
        return status;
    }

    @Override
    public Kind kind() {
        return Kind.CONNECTION_STATE_CONFLICT;
    }
}
