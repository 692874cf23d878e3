package io.connectionbroker.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

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

    /** @return the connection, now ACTIVE with the acceptor as its destination */
    public Connection accept(Instance acceptor, Command command) {
        FieldChecks checks = new FieldChecks();
        String project = checks.valid(() -> Texts.requiredLine("project", command.project(), Texts.PROJECT_MAX,
                "where your instance puts items that arrive through this connection"));
        checks.throwIfInvalid();
        InvitationCode code = InvitationCode.parse(command.code());

        Invitation invitation = store.findInvitation(code.id())
                .filter(found -> found.hash().matches(code.hash()))
                .orElseThrow(InvitationNotFound::new);
        Connection connection = store.findConnection(invitation.connectionId()).orElseThrow(InvitationNotFound::new);
        checkInvitee(connection, acceptor);
        if (invitation.isUsed()) {
            throw new InvitationAlreadyUsed();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (invitation.isExpiredAt(now)) {
            throw new InvitationExpired(invitation.expiresAt());
        }
        ModeRules.checkAtAcceptance(connection.mode(), acceptor.platform());

        Connection accepted = connection.acceptedBy(acceptor, project, now);
        if (!store.acceptInvitation(invitation, acceptor.id(), now, accepted)) {
            throw new InvitationAlreadyUsed();
        }
        return accepted;
    }

    /** An invitation is only for the side it invites; anyone else holding the code is told whom it is for. */
    private static void checkInvitee(Connection connection, Instance acceptor) {
        String initiatorId = connection.source().instanceId();
        switch (connection.type()) {
            case PUBLIC -> {
                if (!acceptor.url().equals(connection.destination().url())) {
                    throw new InvitationNotForCaller("the instance registered at " + connection.destination().url());
                }
            }
            case LOCAL -> {
                if (!acceptor.id().equals(initiatorId)) {
                    throw new InvitationNotForCaller("the instance that initiated it (" + connection.source().url()
                            + "), to connect two of its own projects");
                }
            }
            case PRIVATE -> {
                if (acceptor.id().equals(initiatorId)) {
                    throw new InvitationNotForCaller("the private instance the connection was initiated for,"
                            + " not the instance that initiated it");
                }
            }
        }
    }
}
