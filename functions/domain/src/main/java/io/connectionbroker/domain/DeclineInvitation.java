package io.connectionbroker.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The invited side turns an invitation down: the connection is DECLINED and the code works no more. */
public final class DeclineInvitation {
    private final ConnectionStore store;
    private final Clock clock;

    public DeclineInvitation(ConnectionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @return the connection, now DECLINED */
    public Connection decline(Instance decliner, String code) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PresentedInvitation presented = PresentedInvitation.check(store, decliner, code, now);

        Connection declined = presented.connection().withStatus(ConnectionStatus.DECLINED, now);
        if (!store.answerInvitation(presented.invitation(), Invitation.Answer.DECLINED, decliner.id(), now, declined)) {
            // Answered, replaced or deleted meanwhile: say which, as a second attempt would.
            PresentedInvitation.check(store, decliner, code, now);
            throw new InvitationAlreadyUsed();
        }
        return declined;
    }
}
