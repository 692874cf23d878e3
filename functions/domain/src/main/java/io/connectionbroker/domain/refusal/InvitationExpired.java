package io.connectionbroker.domain.refusal;

import java.time.Instant;

/** A code whose invitation lapsed before anyone accepted it. */
public final class InvitationExpired extends Refusal {
    private final Instant expiredAt;

    public InvitationExpired(Instant expiredAt) {
        super("This invitation expired at " + expiredAt + ". Ask the admin who initiated the connection for a new code.");
        this.expiredAt = expiredAt;
    }

    public Instant expiredAt() {
        return expiredAt;
    }

    @Override
    public Kind kind() {
        return Kind.INVITATION_EXPIRED;
    }
}
