package io.connectionbroker.domain;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs an operation's decide-and-commit until its commit holds. A commit writes only over the versions its
 * decision read, so a commit that loses to another request writes nothing; the operation then decides again
 * from what is stored now, which either refuses the caller (the change no longer applies, and the refusal
 * says why) or makes the change over the new state. No write is ever made from a stale read.
 */
final class FreshDecisions {
    /** Decisions per request: each lost commit means another request's change did apply. */
    static final int ATTEMPTS = 4;

    private FreshDecisions() {
    }

    /**
     * @param attempt decides from a fresh read and commits; empty when the commit found the records changed
     * @param busy    the refusal when every attempt lost to another request (it reads the state once more)
     */
    static <R> R untilCommitted(Supplier<Optional<R>> attempt, Supplier<? extends Refusal> busy) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<R> committed = attempt.get();
            if (committed.isPresent()) {
                return committed.get();
            }
        }
        throw busy.get();
    }
}
