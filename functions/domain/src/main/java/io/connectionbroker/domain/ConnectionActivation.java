package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.ConnectionStateConflict;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Either side switches an active connection off (nothing syncs) and on again. */
public final class ConnectionActivation {
    private final ViewConnection view;
    private final ConnectionStore store;
    private final Clock clock;

    public ConnectionActivation(ConnectionStore store, Clock clock) {
        this.view = new ViewConnection(store, clock);
        this.store = store;
        this.clock = clock;
    }

    /** Refuses ({@link ConnectionStateConflict}) unless the connection is ACTIVE. */
    public Decision<Connection> deactivate(Instance caller, String connectionId) {
        return change(caller, connectionId, ConnectionStatus.ACTIVE, ConnectionStatus.DEACTIVATED,
                "Only an ACTIVE connection can be deactivated");
    }

    /** Refuses ({@link ConnectionStateConflict}) unless the connection is DEACTIVATED. */
    public Decision<Connection> activate(Instance caller, String connectionId) {
        return change(caller, connectionId, ConnectionStatus.DEACTIVATED, ConnectionStatus.ACTIVE,
                "Only a DEACTIVATED connection can be activated");
    }

    private Decision<Connection> change(Instance caller, String connectionId, ConnectionStatus from,
                                        ConnectionStatus to, String rule) {
        return Decision.of(() -> {
            Connection current = view.view(caller, connectionId);
            if (current.status() != from) {
                return Decision.refuse(new ConnectionStateConflict(rule + "; this one is " + current.status() + ".",
                        current.status()));
            }
            Connection changed = current.withStatus(to, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            return Decision.change(changed, kept -> store.replaceConnection(changed, kept), () -> {
                ConnectionStatus now = view.view(caller, connectionId).status();
                return new ConnectionStateConflict(rule + "; other requests kept changing it, and it is now " + now
                        + ". Look at it again before you send this again.", now);
            });
        });
    }
}
