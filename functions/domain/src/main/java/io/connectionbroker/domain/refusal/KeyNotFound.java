package io.connectionbroker.domain.refusal;

/** Answered 404. */
public final class KeyNotFound extends Refusal {
    public KeyNotFound(String detail) {
        super(detail);
    }

    @Override
    public Kind kind() {
        return Kind.KEY_NOT_FOUND;
    }
}
