package io.connectionbroker.domain.refusal;

/** A code whose invitation the invited side declined: it works no more. */
public final class InvitationDeclined extends Refusal {
    public InvitationDeclined() {
        super("This invitation was declined, so its code works no more. Ask the admin who initiated the"
                + " connection to set up a new one.");
    }

    @Override
    public Kind kind() {
        return Kind.INVITATION_DECLINED;
    }
}
