package io.connectionbroker.domain.refusal;

/** A valid code presented by an instance the invitation was not made for. */
public final class InvitationNotForCaller extends Refusal {
    private final String invitee;

    public InvitationNotForCaller(String invitee) {
        super("This invitation is not for your instance: it is for " + invitee
                + ". Accept it from that instance's app.");
        this.invitee = invitee;
    }

    /** Whom the invitation is for, in words an admin understands. */
    public String invitee() {
        return invitee;
    }

    @Override
    public Kind kind() {
        return Kind.INVITATION_NOT_FOR_CALLER;
    }
}
