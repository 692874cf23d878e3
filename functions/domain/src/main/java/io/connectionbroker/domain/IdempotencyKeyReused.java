package io.connectionbroker.domain;

/** Answered 422: an Idempotency-Key sent again with another request than the one it was first sent with. */
public final class IdempotencyKeyReused extends Refusal {
    public IdempotencyKeyReused(String detail) {
        super(detail);
    }

    @Override
    public String kind() {
        return "idempotency-key-reused";
    }

    @Override
    public String title() {
        return "This Idempotency-Key was used for another request";
    }
}
