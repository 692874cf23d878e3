package io.connectionbroker.domain;

/** A well-formed code that matches no invitation. */
public final class InvitationNotFound extends Refusal {
    public InvitationNotFound() {
        super("No invitation matches this code. Ask the admin who initiated the connection for a new code.");
    }

    @Override
    public String kind() {
        return "invitation-not-found";
    }

    @Override
    public String title() {
        return "Invitation not found";
    }
}
