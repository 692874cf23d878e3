package io.connectionbroker.domain;

import java.time.Clock;

/** The invited side turns an invitation down: the connection is DECLINED and the code works no more. */
public final class DeclineInvitation {
    private final ConnectionStore store;
    private final Clock clock;

    public DeclineInvitation(ConnectionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Decides to make the connection DECLINED. */
    public Decision<Connection> decline(Instance decliner, String code) {
        return PresentedInvitation.answer(store, Invitation.Answer.DECLINED, decliner, code, clock,
                (presented, now) -> presented.connection().withStatus(ConnectionStatus.DECLINED, now));
    }
}
