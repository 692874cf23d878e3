package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.ConnectionNotFound;
import io.connectionbroker.domain.refusal.ConnectionStateConflict;
import io.connectionbroker.domain.refusal.InvalidRequest;
import io.connectionbroker.domain.refusal.ModeFixed;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Either side upgrades a BASIC connection to VISUAL or SCRIPT, under the same platform, licence and
 * reachability rules as at initiation; its rules become the new mode's generated defaults.
 */
public final class UpgradeConnection {
    private static final Set<ConnectionStatus> UPGRADABLE =
            Set.of(ConnectionStatus.PENDING, ConnectionStatus.ACTIVE, ConnectionStatus.DEACTIVATED);

    private final ViewConnection view;
    private final ConnectionStore store;
    private final Clock clock;

    public UpgradeConnection(ConnectionStore store, Clock clock) {
        this.view = new ViewConnection(store, clock);
        this.store = store;
        this.clock = clock;
    }

    /**
     * Refuses with {@link InvalidRequest} when the target is not VISUAL or SCRIPT, {@link ModeFixed} when the
     * connection is not BASIC, {@link io.connectionbroker.domain.refusal.ModeNotOffered} when the platforms,
     * licence or type do not offer the target, {@link ConnectionStateConflict} when it is EXPIRED or DECLINED.
     */
    public Decision<Connection> upgrade(Instance caller, String connectionId, Mode target) {
        if (target == null || target == Mode.BASIC) {
            return Decision.refuse(InvalidRequest.of("mode", "is required: VISUAL or SCRIPT, the mode to upgrade to"));
        }
        return Decision.of(() -> {
            Connection current = view.view(caller, connectionId);
            if (current.mode() != Mode.BASIC) {
                return Decision.refuse(new ModeFixed(current.mode()));
            }
            if (!UPGRADABLE.contains(current.status())) {
                return Decision.refuse(new ConnectionStateConflict("A " + current.status()
                        + " connection cannot be upgraded.", current.status()));
            }
            Instance initiator = store.findInstance(current.source().instanceId())
                    .orElseThrow(ConnectionNotFound::new);
            ModeRules.checkAtInitiation(target, initiator, initiator.licenseAt(clock.instant()), current.type(),
                    current.destination().platform());
            java.time.Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Connection upgraded = current.withMode(target, at);
            return Decision.change(upgraded, (kept, actor) -> store.upgradeMode(upgraded, DefaultRules.forMode(target),
                            java.util.List.of(Event.about(upgraded, EventType.CONNECTION_UPGRADED, actor, at,
                                    Event.data("fromMode", current.mode(), "mode", target))), kept),
                    () -> view.keptChanging(caller, connectionId, "Look at it again before you send this again."));
        });
    }
}
