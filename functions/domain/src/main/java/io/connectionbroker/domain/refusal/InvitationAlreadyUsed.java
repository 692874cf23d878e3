package io.connectionbroker.domain.refusal;

/** A single-use code that has been accepted already. */
public final class InvitationAlreadyUsed extends Refusal {
    public InvitationAlreadyUsed() {
        super("This invitation code has already been used; a code works once. If your instance accepted it,"
                + " the connection is already set up: check its status.");
    }

    @Override
    public Kind kind() {
        return Kind.INVITATION_ALREADY_USED;
    }
}
