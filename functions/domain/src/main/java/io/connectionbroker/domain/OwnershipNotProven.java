package io.connectionbroker.domain;

/** The helpdesk did not accept the credential as one of its own users'. */
public final class OwnershipNotProven extends Refusal {
    OwnershipNotProven(InstanceUrl url, String reason) {
        super(url + " did not confirm the credential in proof: " + reason + ". Send a credential of an"
                + " administrator of that helpdesk; it is used for this one check and never kept.");
    }

    @Override
    public String kind() {
        return "ownership-not-proven";
    }

    @Override
    public String title() {
        return "The helpdesk did not confirm the credential";
    }
}
