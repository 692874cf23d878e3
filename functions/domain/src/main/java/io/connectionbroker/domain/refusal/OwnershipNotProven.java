package io.connectionbroker.domain.refusal;

import io.connectionbroker.domain.InstanceUrl;

/** The helpdesk did not accept the credential as one of its own users'. */
public final class OwnershipNotProven extends Refusal {
    public OwnershipNotProven(InstanceUrl url, String reason) {
        super(url + " did not confirm the credential in proof: " + reason + ". Send a credential of an"
                + " administrator of that helpdesk; it is used for this one check and never kept.");
    }

    @Override
    public Kind kind() {
        return Kind.OWNERSHIP_NOT_PROVEN;
    }
}
