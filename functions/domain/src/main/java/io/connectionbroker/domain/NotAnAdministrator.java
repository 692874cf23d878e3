package io.connectionbroker.domain;

/** The credential is a valid user's of the helpdesk, but not an administrator's. */
public final class NotAnAdministrator extends Refusal {
    NotAnAdministrator(InstanceUrl url) {
        super("The credential in proof belongs to a user of " + url + " who is not an administrator. An"
                + " administrator of the helpdesk registers it: send one of their credentials.");
    }

    @Override
    public String kind() {
        return "not-an-administrator";
    }

    @Override
    public String title() {
        return "The credential is not an administrator's";
    }
}
