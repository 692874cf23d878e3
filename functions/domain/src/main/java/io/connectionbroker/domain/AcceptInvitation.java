package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.ConnectionNotAllowed;
import io.connectionbroker.domain.refusal.FieldErrors;
import java.time.Clock;

/** The invited side accepts a connection with its code and picks where incoming items go. */
public final class AcceptInvitation {
    private final ConnectionStore store;
    private final Clock clock;

    public AcceptInvitation(ConnectionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record Command(String code, String project) {
    }

    /** Decides to make the connection ACTIVE with the acceptor as its destination. */
    public Decision<Connection> accept(Instance acceptor, Command command) {
        FieldErrors checks = new FieldErrors();
        String project = checks.valid(() -> Texts.requiredLine("project", command.project(), Texts.PROJECT_MAX,
                "where your instance puts items that arrive through this connection"));
        checks.throwIfInvalid();
        return PresentedInvitation.answer(store, Invitation.Answer.ACCEPTED, acceptor, command.code(), clock,
                (presented, now) -> {
                    ModeRules.checkAtAcceptance(presented.connection().mode(), acceptor.platform());
                    if (Boolean.FALSE.equals(presented.connection().source().reachable()) && !acceptor.isPublic()
                            && !acceptor.id().equals(presented.connection().source().instanceId())) {
                        throw new ConnectionNotAllowed(DestinationOffer.NEITHER_REACHABLE);
                    }
                    return presented.connection().acceptedBy(acceptor, project, now);
                });
    }
}
