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

    /** @return the connection, now DECLINED */
    public Connection decline(Instance decliner, String code) {
        return decline(decliner, code, Replayable.none());
    }

    public Connection decline(Instance decliner, String code, Replayable<Connection> replay) {
        return PresentedInvitation.answer(store, Invitation.Answer.DECLINED, decliner, code, clock,
                (presented, now) -> presented.connection().withStatus(ConnectionStatus.DECLINED, now), replay);
    }
}
