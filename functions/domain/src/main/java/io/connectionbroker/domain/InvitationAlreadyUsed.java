package io.connectionbroker.domain;

/** A single-use code that has been accepted already. */
public final class InvitationAlreadyUsed extends Refusal {
    public InvitationAlreadyUsed() {
        super("This invitation code has already been used; a code works once. If your instance accepted it,"
                + " the connection is already set up: check its status.");
    }

    @Override
    public String kind() {
        return "invitation-already-used";
    }

    @Override
    public String title() {
        return "The invitation has already been used";
    }
}
