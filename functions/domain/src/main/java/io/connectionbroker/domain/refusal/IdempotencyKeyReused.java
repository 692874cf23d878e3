package io.connectionbroker.domain.refusal;

/** Answered 422: an Idempotency-Key sent again with another request than the one it was first sent with. */
public final class IdempotencyKeyReused extends Refusal {
    public IdempotencyKeyReused(String detail) {
        super(detail);
    }

    @Override
    public Kind kind() {
        return Kind.IDEMPOTENCY_KEY_REUSED;
    }
}
