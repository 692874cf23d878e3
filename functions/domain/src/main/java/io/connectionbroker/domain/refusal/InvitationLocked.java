package io.connectionbroker.domain.refusal;

import java.time.Duration;
import java.time.Instant;

/** Answered 429 with Retry-After: too many wrong codes were presented for this invitation. */
public final class InvitationLocked extends Refusal {
    private final Duration retryAfter;

    public InvitationLocked(Instant lockedUntil, Instant now) {
        super("Too many wrong codes were presented for this invitation, so it accepts none until " + lockedUntil
                + ". Check the code with the admin who initiated the connection, then try again.");
        this.retryAfter = Duration.between(now, lockedUntil);
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public Kind kind() {
        return Kind.INVITATION_LOCKED;
    }
}
