package io.connectionbroker.domain.refusal;

/** A well-formed code that matches no invitation. */
public final class InvitationNotFound extends Refusal {
    public InvitationNotFound() {
        super("No invitation matches this code. Ask the admin who initiated the connection for a new code.");
    }

    @Override
    public Kind kind() {
        return Kind.INVITATION_NOT_FOUND;
    }
}
