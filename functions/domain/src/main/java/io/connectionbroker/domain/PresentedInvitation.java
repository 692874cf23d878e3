package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.ConnectionStateConflict;
import io.connectionbroker.domain.refusal.InvitationAlreadyUsed;
import io.connectionbroker.domain.refusal.InvitationDeclined;
import io.connectionbroker.domain.refusal.InvitationExpired;
import io.connectionbroker.domain.refusal.InvitationLocked;
import io.connectionbroker.domain.refusal.InvitationNotForCaller;
import io.connectionbroker.domain.refusal.InvitationNotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An invitation code as the invited side presents it to answer: the checks accepting and declining share,
 * in the order that reveals least to the wrong caller.
 */
record PresentedInvitation(Invitation invitation, Connection connection) {
    /** Wrong codes (the right id, a wrong secret) an invitation takes before it locks. */
    static final int WRONG_CODES_BEFORE_LOCK = 10;
    /** How long it then refuses every code; each further wrong code locks it again. */
    static final Duration LOCK = Duration.ofMinutes(15);

    /**
     * @throws InvitationCodeMalformed for text that is not a code (400)
     * @throws InvitationLocked        after too many wrong codes for the invitation, for a while (429)
     * @throws InvitationNotFound      for a code that matches no invitation (404)
     * @throws InvitationNotForCaller  when the caller is not the side the invitation is for (403)
     * @throws InvitationAlreadyUsed   when the code was accepted already (409)
     * @throws InvitationDeclined      when the invitation was declined (410)
     * @throws InvitationExpired       when the invitation lapsed (410)
     */
    static PresentedInvitation check(ConnectionStore store, Instance caller, String codeText, Instant now) {
        InvitationCode code = InvitationCode.parse(codeText);
        Invitation invitation = store.findInvitation(code.id(), caller.id()).orElse(null);
        if (invitation != null && invitation.isLockedAt(now)) {
            throw new InvitationLocked(invitation.lockedUntil(), now);
        }
        if (invitation == null || !invitation.hash().matches(code.hash())) {
            // A made-up id and a wrong secret take the same path, so that timing tells neither apart. Counted
            // per caller in the table, so every function instance sees it and nobody locks another out.
            store.recordWrongCode(code.id(), caller.id(), WRONG_CODES_BEFORE_LOCK, now, now.plus(LOCK));
            throw new InvitationNotFound();
        }
        Connection connection = store.findConnection(invitation.connectionId()).orElseThrow(InvitationNotFound::new);
        checkInvitee(store, connection, caller);
        if (invitation.answer() == Invitation.Answer.ACCEPTED) {
            throw new InvitationAlreadyUsed();
        }
        if (invitation.answer() == Invitation.Answer.DECLINED) {
            throw new InvitationDeclined();
        }
        if (invitation.isExpiredAt(now)) {
            throw new InvitationExpired(invitation.expiresAt());
        }
        return new PresentedInvitation(invitation, connection);
    }

    /**
     * Decides the caller's answer from a fresh look at the invitation: recorded together with the connection it
     * changed, all or nothing, on condition that neither changed meanwhile.
     *
     * @param decide turns the presented invitation into the changed connection, or refuses
     */
    static Decision<Connection> answer(ConnectionStore store, Invitation.Answer answer, Instance caller,
                                       String codeText, Clock clock,
                                       java.util.function.BiFunction<PresentedInvitation, Instant, Connection> decide) {
        return Decision.of(() -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            PresentedInvitation presented = check(store, caller, codeText, now);
            Connection changed = decide.apply(presented, now);
            EventType type = answer == Invitation.Answer.ACCEPTED ? EventType.CONNECTION_ACCEPTED
                    : EventType.CONNECTION_DECLINED;
            // The decliner never becomes a side, but its feed shows what it did.
            java.util.Map<String, Object> data = answer == Invitation.Answer.ACCEPTED
                    ? Event.data("destinationInstanceId", caller.id(), "destinationUrl", caller.url())
                    : Event.data("declinedBy", caller.id());
            return Decision.change(changed, (kept, actor) -> store.answerInvitation(presented.invitation(), answer,
                    caller.id(), now, changed, java.util.List.of(Event.about(changed, type, actor, now, data,
                            caller.id())), kept), () -> {
                        // What a fresh look finds: answered, replaced or deleted meanwhile, or still unchanged.
                        ConnectionStatus status = check(store, caller, codeText, clock.instant()).connection().status();
                        return new ConnectionStateConflict("Other requests kept changing this connection while you"
                                + " answered; it is still " + status + ". Send the same request again.", status);
                    });
        });
    }

    /** An invitation is only for the side it invites; anyone else holding the code is told whom it is for. */
    private static void checkInvitee(ConnectionStore store, Connection connection, Instance caller) {
        String initiatorId = connection.source().instanceId();
        switch (connection.type()) {
            case PUBLIC -> {
                // An instance that moved to another URL keeps the invitations addressed to its old one, until
                // someone else registers that URL.
                if (!caller.url().equals(connection.destination().url()) && !store.formerHolderOf(
                        connection.destination().url()).filter(caller.id()::equals).isPresent()) {
                    throw new InvitationNotForCaller("the instance registered at " + connection.destination().url());
                }
            }
            case LOCAL -> {
                if (!caller.id().equals(initiatorId)) {
                    throw new InvitationNotForCaller("the instance that initiated it (" + connection.source().url()
                            + "), to connect two of its own projects");
                }
            }
            case PRIVATE -> {
                if (caller.id().equals(initiatorId)) {
                    throw new InvitationNotForCaller("the private instance the connection was initiated for,"
                            + " not the instance that initiated it");
                }
            }
        }
    }
}
