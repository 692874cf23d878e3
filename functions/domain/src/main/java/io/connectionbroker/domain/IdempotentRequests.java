package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.IdempotencyKeyReused;
import io.connectionbroker.domain.refusal.InvalidRequest;
import io.connectionbroker.domain.refusal.StoreUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The one place a request that changes something is run: its operation decides ({@link Decision}), and this
 * commits the change, with the answer kept for the request's Idempotency-Key written in the same transaction.
 * <p>
 * A commit writes only over the records its decision read, so a commit that loses to another request writes
 * nothing; the operation then decides again from what is stored now, which either refuses the caller (the
 * change no longer applies, and the refusal says why) or makes the change over the new state. No write is
 * ever made from a stale read.
 * <p>
 * The first request with a key performs its operation; the same request sent again within {@link #RETENTION}
 * gets the first answer back and changes nothing; another request with the same key is refused. A refused
 * request keeps nothing (it had no effect), so sending it again runs it again.
 */
public final class IdempotentRequests {
    /** How long a key's first answer is kept and replayed. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /** The scope of requests that have no calling instance (registration). */
    public static final String ANONYMOUS = "anonymous";
    public static final String FIELD = "Idempotency-Key";
    static final int KEY_MAX = 255;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1," + KEY_MAX + "}");
    /** A random (version 4, RFC 9562 variant) UUID: 122 random bits. */
    private static final Pattern RANDOM_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    /**
     * Fewer distinct hex digits than this in a UUID's 30 random ones means it was made up, not drawn: 30
     * random digits show fewer than 8 of the 16 with a probability below 10^-6.
     */
    private static final int RANDOM_UUID_MIN_DISTINCT_DIGITS = 8;
    /** Decisions per request at most: each lost commit means another request's change did apply. */
    static final int ATTEMPTS = 4;
    /**
     * A request decides again only if its first decision began less than this long ago, so that one more
     * decision (its calls each within their time limit) still ends before the function's timeout; the
     * template's timeouts are checked against this.
     */
    public static final Duration REDECIDE_WITHIN = Duration.ofMillis(500);

    private final ConnectionStore store;
    private final Clock clock;

    public IdempotentRequests(ConnectionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What became of a request: performed now, or answered with the answer kept from its first time. */
    public sealed interface Outcome<R> {
    }

    public record Performed<R>(R result) implements Outcome<R> {
    }

    /** @param sealedAnswer the first answer, as the edge sealed it */
    public record Replayed<R>(byte[] sealedAnswer) implements Outcome<R> {
    }

    /**
     * Commits what the operation decides, for a request without an Idempotency-Key.
     *
     * @param actor  who the change's events name: the calling instance and its key, or {@link Actor#ANONYMOUS}
     * @param decide decides from a fresh read each time it is called
     * @return the result of the change that held
     * @throws io.connectionbroker.domain.refusal.Refusal the refusal decided, or the change's when its commits
     *                                                    kept losing
     */
    public <R> R commit(Actor actor, Supplier<Decision<R>> decide) {
        return commit(actor, decide, result -> null);
    }

    /**
     * @param actor       the calling instance and its key, whose id scopes the Idempotency-Key; or
     *                    {@link Actor#ANONYMOUS}, where the key must be a random UUID: anyone may send it, and the
     *                    answer it replays may hold a secret
     * @param key         the Idempotency-Key header, or null to perform the operation without keeping anything
     * @param fingerprint what identifies the request: the same method, path and body give the same fingerprint
     * @param seal        turns the operation's result into the answer to keep, encrypted
     * @param decide      the domain operation's decision, from a fresh read each time it is called
     * @throws InvalidRequest       when the key is not one this service accepts
     * @throws IdempotencyKeyReused when the key was used for another request within {@link #RETENTION}
     */
    public <R> Outcome<R> perform(Actor actor, String key, String fingerprint, Function<R, byte[]> seal,
                                  Supplier<Decision<R>> decide) {
        if (key == null) {
            return new Performed<>(commit(actor, decide));
        }
        String scope = scopeOf(actor);
        check(scope, key);
        Instant now = clock.instant();
        Optional<IdempotencyRecord> kept = live(scope, key, now);
        if (kept.isPresent()) {
            return replay(kept.get(), fingerprint);
        }
        try {
            return new Performed<>(commit(actor, decide, result ->
                    new IdempotencyRecord(scope, key, fingerprint, seal.apply(result), now)));
        } catch (IdempotencyKeyTaken takenMeanwhile) {
            // A request with this key took effect while this one ran: answer as its retries will be answered.
            return replay(live(scope, key, now).orElseThrow(() -> new StoreUnavailable(
                    "Another request with this Idempotency-Key is being answered. Send the same request again.",
                    Duration.ofSeconds(1))), fingerprint);
        }
    }

    private <R> R commit(Actor actor, Supplier<Decision<R>> decide, Function<R, IdempotencyRecord> keep) {
        Instant deadline = clock.instant().plus(REDECIDE_WITHIN);
        Decision.Change<R> lost = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Decision<R> decision = Decision.of(decide);
            if (decision instanceof Decision.Refused<R> refused) {
                throw refused.refusal();
            }
            Decision.Change<R> change = (Decision.Change<R>) decision;
            if (change.commit().write(keep.apply(change.result()), actor)) {
                return change.result();
            }
            lost = change;
            if (!change.decidesAgain() || !clock.instant().isBefore(deadline)) {
                break;
            }
        }
        throw lost.ifLost().get();
    }

    private Optional<IdempotencyRecord> live(String scope, String key, Instant now) {
        // TTL deletes late (up to days): expiry is decided here, on read.
        return store.findIdempotencyRecord(scope, key).filter(record -> record.expiresAt().isAfter(now));
    }

    private static <R> Outcome<R> replay(IdempotencyRecord kept, String fingerprint) {
        if (!kept.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused("This Idempotency-Key was first sent at " + kept.keptAt() + " with another"
                    + " request (another method, path or body). Send each new request with a new key; to retry a"
                    + " request, send it again exactly as it was first sent.");
        }
        return new Replayed<>(kept.sealedAnswer());
    }

    /** Whose keys an Idempotency-Key is among: the calling instance's, or {@link #ANONYMOUS}. */
    public static String scopeOf(Actor actor) {
        return actor.isAnonymous() ? ANONYMOUS : actor.instanceId();
    }

    static boolean isRandomUuid(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        if (!RANDOM_UUID.matcher(lower).matches()) {
            return false;
        }
        String digits = lower.replace("-", "");
        String random = digits.substring(0, 12) + digits.substring(13, 16) + digits.substring(17);
        return random.chars().distinct().count() >= RANDOM_UUID_MIN_DISTINCT_DIGITS;
    }

    private static void check(String scope, String key) {
        if (ANONYMOUS.equals(scope)) {
            if (!isRandomUuid(key)) {
                throw InvalidRequest.of(FIELD, "must be a fresh random (version 4) UUID from a secure random"
                        + " generator, for example 1f0e6a52-9d4c-4d2a-8a3e-5c1b7e9f2d40, on this route: anyone may"
                        + " send it, and the answer it brings back holds your new API key");
            }
        } else if (!KEY.matcher(key).matches()) {
            throw InvalidRequest.of(FIELD, "must be 1 to " + KEY_MAX + " visible ASCII characters, without"
                    + " spaces; a random UUID is a good key");
        }
    }
}
