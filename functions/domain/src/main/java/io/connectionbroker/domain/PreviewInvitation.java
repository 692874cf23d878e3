package io.connectionbroker.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * The invited admin looks before accepting: who invites, and to what. It takes the same checks as accepting,
 * and a wrong code counts toward the lock-out as one presented to accept would, so a preview is no free guess.
 */
public final class PreviewInvitation {
    private final ConnectionStore store;
    private final Clock clock;

    public PreviewInvitation(ConnectionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * What the invitation is for.
     *
     * @param connection    the pending connection the code would answer
     * @param offeredModes  the modes the caller's platform offers: accepting refuses a connection in any other
     */
    public record Preview(Connection connection, Set<Mode> offeredModes) {
    }

    /** Refuses as accepting does: malformed, locked, unknown, not the caller's, used, declined or lapsed. */
    public Preview preview(Instance caller, String code) {
        Instant now = clock.instant();
        PresentedInvitation presented = PresentedInvitation.check(store, caller, code, now);
        return new Preview(presented.connection().asSeenAt(now), caller.platform().offeredModes());
    }
}
