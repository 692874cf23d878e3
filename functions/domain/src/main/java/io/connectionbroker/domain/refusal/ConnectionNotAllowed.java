package io.connectionbroker.domain.refusal;

/** A well-formed connection request that the product's type rules refuse. */
public final class ConnectionNotAllowed extends Refusal {
    public ConnectionNotAllowed(String detail) {
        super(detail);
    }

    @Override
    public Kind kind() {
        return Kind.CONNECTION_NOT_ALLOWED;
    }
}
