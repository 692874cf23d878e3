package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.ConnectionStateConflict;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

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

    /** @throws ConnectionStateConflict unless the connection is ACTIVE */
    public Connection deactivate(Instance caller, String connectionId) {
        return deactivate(caller, connectionId, Replayable.none());
    }

    public Connection deactivate(Instance caller, String connectionId, Replayable<Connection> replay) {
        return change(caller, connectionId, ConnectionStatus.ACTIVE, ConnectionStatus.DEACTIVATED,
                "Only an ACTIVE connection can be deactivated", replay);
    }

    /** @throws ConnectionStateConflict unless the connection is DEACTIVATED */
    public Connection activate(Instance caller, String connectionId) {
        return activate(caller, connectionId, Replayable.none());
    }

    public Connection activate(Instance caller, String connectionId, Replayable<Connection> replay) {
        return change(caller, connectionId, ConnectionStatus.DEACTIVATED, ConnectionStatus.ACTIVE,
                "Only a DEACTIVATED connection can be activated", replay);
    }

    private Connection change(Instance caller, String connectionId, ConnectionStatus from, ConnectionStatus to,
                              String rule, Replayable<Connection> replay) {
        return FreshDecisions.untilCommitted(clock, () -> {
            Connection current = view.view(caller, connectionId);
            if (current.status() != from) {
                throw new ConnectionStateConflict(rule + "; this one is " + current.status() + ".", current.status());
            }
            Connection changed = current.withStatus(to, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            return store.replaceConnection(changed, replay.recordOf(changed)) ? Optional.of(changed) : Optional.empty();
        }, () -> {
            ConnectionStatus now = view.view(caller, connectionId).status();
            return new ConnectionStateConflict(rule + "; other requests kept changing it, and it is now " + now
                    + ". Look at it again before you send this again.", now);
        });
    }
}
