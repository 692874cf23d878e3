package io.connectionbroker.domain.refusal;

/** Answered 409. */
public final class KeyLimitReached extends Refusal {
    public KeyLimitReached(String detail) {
        super(detail);
    }

    @Override
    public Kind kind() {
        return Kind.KEY_LIMIT_REACHED;
    }
}
