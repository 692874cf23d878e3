package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.ConnectionStateConflict;
import java.time.Clock;
import java.time.Instant;
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
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Connection changed = current.withStatus(to, at);
            EventType type = to == ConnectionStatus.ACTIVE ? EventType.CONNECTION_ACTIVATED
                    : EventType.CONNECTION_DEACTIVATED;
            return Decision.change(changed, (kept, actor) -> store.replaceConnection(changed,
                    java.util.List.of(Event.about(changed, type, actor, at, Event.data("status", to))), kept), () -> {
                ConnectionStatus now = view.view(caller, connectionId).status();
                return new ConnectionStateConflict(rule + "; other requests kept changing it, and it is now " + now
                        + ". Look at it again before you send this again.", now);
            });
        });
    }
}
