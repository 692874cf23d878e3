package io.connectionbroker.domain.refusal;

/** No API key, or one that does not belong to a registered instance. */
public final class Unauthenticated extends Refusal {
    public Unauthenticated(String detail) {
        super(detail);
    }

    @Override
    public Kind kind() {
        return Kind.UNAUTHENTICATED;
    }
}
