package io.connectionbroker.domain;

/**
 * Thrown by the store when a write carrying an {@link IdempotencyRecord} found a live record under the same
 * key: a request with that key took effect meanwhile, so this one wrote nothing.
 */
public final class IdempotencyKeyTaken extends RuntimeException {
    public IdempotencyKeyTaken() {
        super("a request with this Idempotency-Key took effect meanwhile", null, false, false);
    }
}
