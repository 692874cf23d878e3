package io.connectionbroker.domain.refusal;

/** Answered 409. */
public final class LastKey extends Refusal {
    public LastKey(String detail) {
        super(detail);
    }

    @Override
    public Kind kind() {
        return Kind.LAST_KEY;
    }
}
