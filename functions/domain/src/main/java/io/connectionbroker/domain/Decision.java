package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.Refusal;
import java.util.function.Supplier;

/**
 * What an operation decided from what it read, before anything is written: a refusal, or a change with the
 * result the caller is told once it holds. Operations only decide; {@link IdempotentRequests} commits a change
 * (with the answer kept for its Idempotency-Key, in the same write) and, when the commit finds the records it
 * was decided from changed, asks the operation to decide again from what is stored now.
 */
public sealed interface Decision<R> {

    /** The request is refused; nothing is written. */
    record Refused<R>(Refusal refusal) implements Decision<R> {
    }

    /**
     * @param result       what the caller is told once the commit holds
     * @param commit       the write that makes the change, conditioned on the records it was decided from
     * @param ifLost       the refusal for a caller whose commits kept losing to other requests' changes; it reads
     *                     what is stored now, to say why
     * @param decidesAgain false when the commit's condition is a rule the store keeps (a URL has one
     *                     instance, an instance at most so many keys) rather than a record read: a lost commit
     *                     is then refused with {@code ifLost} at once, as deciding again would find nothing new
     */
    record Change<R>(R result, Commit commit, Supplier<? extends Refusal> ifLost, boolean decidesAgain)
            implements Decision<R> {
    }

    /** A change's write. */
    @FunctionalInterface
    interface Commit {
        /**
         * @param kept  the answer to keep for the request's Idempotency-Key, written all-or-nothing with the
         *              change; null when the request has no key
         * @param actor who the change's events name as having made it: the calling instance and its key, or
         *              {@link Actor#ANONYMOUS} where the request has no caller (the operation knows who then)
         * @return false, writing nothing, when a record the change was decided from changed meanwhile
         * @throws IdempotencyKeyTaken when a live record holds the key, writing nothing
         */
        boolean write(IdempotencyRecord kept, Actor actor);
    }

    static <R> Decision<R> refuse(Refusal refusal) {
        return new Refused<>(refusal);
    }

    /** A change decided from records read: when its commit loses, it is decided again. */
    static <R> Decision<R> change(R result, Commit commit, Supplier<? extends Refusal> ifKeptLosing) {
        return new Change<>(result, commit, ifKeptLosing, true);
    }

    /** A change whose commit enforces its own rule: when it loses, the caller is refused with {@code ifLost}. */
    static <R> Decision<R> changeUnlessRefused(R result, Commit commit, Supplier<? extends Refusal> ifLost) {
        return new Change<>(result, commit, ifLost, false);
    }

    /**
     * Runs a decision whose checks may refuse by throwing (shared checks such as viewing a connection do), so
     * that the decision leaves as a value either way.
     */
    static <R> Decision<R> of(Supplier<Decision<R>> deciding) {
        try {
            return deciding.get();
        } catch (Refusal refusal) {
            return refuse(refusal);
        }
    }
}
