package io.connectionbroker.domain.refusal;

import io.connectionbroker.domain.InstanceUrl;

/** The credential is a valid user's of the helpdesk, but not an administrator's. */
public final class NotAnAdministrator extends Refusal {
    public NotAnAdministrator(InstanceUrl url) {
        super("The credential in proof belongs to a user of " + url + " who is not an administrator. An"
                + " administrator of the helpdesk registers it: send one of their credentials.");
    }

    @Override
    public Kind kind() {
        return Kind.NOT_AN_ADMINISTRATOR;
    }
}
