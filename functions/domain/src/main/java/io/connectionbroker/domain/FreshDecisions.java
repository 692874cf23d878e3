package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs an operation's decide-and-commit until its commit holds. A commit writes only over the versions its
 * decision read, so a commit that loses to another request writes nothing; the operation then decides again
 * from what is stored now, which either refuses the caller (the change no longer applies, and the refusal
 * says why) or makes the change over the new state. No write is ever made from a stale read.
 */
public final class FreshDecisions {
    /** Decisions per request at most: each lost commit means another request's change did apply. */
    static final int ATTEMPTS = 4;
    /**
     * A request decides again only if its first decision began less than this long ago, so that one more
     * decision (its calls each within their time limit) still ends before the function's timeout; the
     * template's timeouts are checked against this.
     */
    public static final Duration REDECIDE_WITHIN = Duration.ofMillis(500);

    private FreshDecisions() {
    }

    /**
     * @param attempt decides from a fresh read and commits; empty when the commit found the records changed
     * @param busy    the refusal when every attempt lost to another request (it reads the state once more)
     */
    static <R> R untilCommitted(Clock clock, Supplier<Optional<R>> attempt, Supplier<? extends Refusal> busy) {
        Instant deadline = clock.instant().plus(REDECIDE_WITHIN);
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<R> committed = attempt.get();
            if (committed.isPresent()) {
                return committed.get();
            }
            if (!clock.instant().isBefore(deadline)) {
                break;
            }
        }
        throw busy.get();
    }
}
