package io.connectionbroker.domain;

/**
 * How an operation's result is kept for a request sent again: the record the operation hands the store to
 * write in the same transaction as its effect. Operations call it once they know their result, just before
 * they write.
 */
@FunctionalInterface
public interface Replayable<R> {

    /** @return the record to write beside the effect, or null when the request has no Idempotency-Key */
    IdempotencyRecord recordOf(R result);

    /** For a request without an Idempotency-Key: nothing is kept. */
    static <R> Replayable<R> none() {
        return result -> null;
    }
}
