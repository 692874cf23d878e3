package io.connectionbroker.domain;

/** A well-formed connection request that the product's type rules refuse. */
public final class ConnectionNotAllowed extends Refusal {
    public ConnectionNotAllowed(String detail) {
        super(detail);
    }

    @Override
    public String kind() {
        return "connection-not-allowed";
    }

    @Override
    public String title() {
        return "This connection cannot be set up";
    }
}
