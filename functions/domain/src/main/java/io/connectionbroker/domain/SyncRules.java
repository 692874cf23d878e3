package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.FieldErrors;
import io.connectionbroker.domain.refusal.RulesReadOnly;
import io.connectionbroker.domain.refusal.RulesVersionConflict;
import io.connectionbroker.domain.refusal.StoreUnavailable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A side reads and changes its own sync rules. Script keeps one set per side, and neither side can read
 * or write the other's; Visual keeps one set both sides edit; Basic's set is fixed.
 */
public final class SyncRules {
    /** Tries at reading a connection's rules while it is upgraded or deleted meanwhile. */
    private static final int READS_OF_A_CHANGING_CONNECTION = 3;

    private final ViewConnection view;
    private final ConnectionStore store;
    private final Clock clock;

    public SyncRules(ConnectionStore store, Clock clock) {
        this.view = new ViewConnection(store, clock);
        this.store = store;
        this.clock = clock;
    }

    /** Which side of the connection a set of rules is seen from. */
    public enum Side {
        SOURCE, DESTINATION
    }

    /** One side's rules, as that side sees them. */
    public record SideRules(Side side, RuleSet rules) {
    }

    /**
     * The caller's own side. An instance connecting two of its own projects (LOCAL) is the source here.
     *
     * @throws ConnectionNotFound when the caller is not a side of the connection
     */
    public SideRules view(Instance caller, String connectionId) {
        return rulesOf(caller, view.view(caller, connectionId));
    }

    /**
     * The caller's rules of the connection as read. The connection and its rules are two reads: a delete or an
     * upgrade between them leaves the rules read missing, and the connection is then read again, so that the
     * caller is told it is gone, or gets the rules of its new mode.
     */
    private SideRules rulesOf(Instance caller, Connection connection) {
        Connection read = connection;
        for (int attempt = 0; attempt < READS_OF_A_CHANGING_CONNECTION; attempt++) {
            Side side = sideOf(caller, read);
            RuleSet.Owner owner = ownerOf(read.mode(), side);
            Optional<RuleSet> stored = store.findRules(read.id(), owner);
            if (stored.isPresent()) {
                return new SideRules(side, owner == RuleSet.Owner.SHARED && side == Side.DESTINATION
                        ? stored.get().reversed() : stored.get());
            }
            Connection again = view.view(caller, read.id());
            if (again.version() == read.version()) {
                throw new IllegalStateException("connection " + read.id() + " has no " + owner + " rules");
            }
            read = again;
        }
        throw new StoreUnavailable("This connection is being changed by other requests right now. Send the same"
                + " request again.", java.time.Duration.ofSeconds(1));
    }


    /**
     * Replaces the caller's own side's rules, if {@code version} is still the current one, and bumps it.
     * Refuses with {@link RulesReadOnly} for a BASIC connection, {@link io.connectionbroker.domain.refusal.InvalidRequest}
     * for a field given twice in one list, {@link RulesVersionConflict} when the rules were changed since
     * {@code version}.
     */
    public Decision<SideRules> replace(Instance caller, String connectionId, int version, List<SyncRule> outgoing,
                                       List<SyncRule> incoming) {
        return Decision.of(() -> {
            Connection connection = view.view(caller, connectionId);
            if (connection.mode() == Mode.BASIC) {
                return Decision.refuse(new RulesReadOnly());
            }
            SideRules current = rulesOf(caller, connection);
            FieldErrors checks = new FieldErrors();
            check(checks, "outgoing", outgoing);
            check(checks, "incoming", incoming);
            checks.throwIfInvalid();
            if (version != current.rules().version()) {
                return Decision.refuse(new RulesVersionConflict(version, current.rules().version()));
            }
            RuleSet next = new RuleSet(version + 1, outgoing, incoming);
            RuleSet.Owner owner = ownerOf(connection.mode(), current.side());
            RuleSet toStore = owner == RuleSet.Owner.SHARED && current.side() == Side.DESTINATION
                    ? next.reversed() : next;
            // The rules' version is the condition; deciding again reports the version that won.
            return Decision.change(new SideRules(current.side(), next),
                    (kept, actor) -> store.replaceRules(connectionId, owner, toStore, version, java.util.List.of(
                            Event.about(connection, EventType.RULES_CHANGED, actor, clock.instant().truncatedTo(
                                    java.time.temporal.ChronoUnit.MILLIS), Event.data("side", current.side(),
                                    "owner", owner, "version", next.version())))),
                    () -> new RulesVersionConflict(version, view(caller, connectionId).rules().version()));
        });
    }

    private static void check(FieldErrors checks, String list, List<SyncRule> rules) {
        Set<SyncRule.Field> seen = new HashSet<>();
        List<SyncRule> copy = new ArrayList<>(rules);
        for (int i = 0; i < copy.size(); i++) {
            SyncRule rule = copy.get(i);
            if (!seen.add(rule.field())) {
                checks.reject(list + "[" + i + "].field", "has " + rule.field().apiName() + " a second time; give each"
                        + " field one rule in each list");
            }
        }
    }

    private static Side sideOf(Instance caller, Connection connection) {
        return caller.id().equals(connection.source().instanceId()) ? Side.SOURCE : Side.DESTINATION;
    }

    private static RuleSet.Owner ownerOf(Mode mode, Side side) {
        if (mode != Mode.SCRIPT) {
            return RuleSet.Owner.SHARED;
        }
        return side == Side.SOURCE ? RuleSet.Owner.SOURCE : RuleSet.Owner.DESTINATION;
    }
}
