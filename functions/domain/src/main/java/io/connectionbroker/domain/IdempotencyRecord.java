package io.connectionbroker.domain;

import java.time.Instant;
import java.util.Arrays;

/**
 * What a request sent with an {@code Idempotency-Key} leaves beside its effect, in the same write: the
 * request's fingerprint and its answer, sealed (encrypted) by the edge, so that the same request sent
 * again gets the same answer and no second effect.
 *
 * @param scope        whose key it is: the calling instance's id, or {@link IdempotentRequests#ANONYMOUS}
 * @param key          the caller's Idempotency-Key
 * @param fingerprint  what identifies the request (method, path and body), compared on every use of the key
 * @param sealedAnswer the first answer, encrypted; opaque to the domain and the store
 * @param keptAt       when the effect was written; the record counts for {@link IdempotentRequests#RETENTION}
 */
public record IdempotencyRecord(String scope, String key, String fingerprint, byte[] sealedAnswer, Instant keptAt) {

    public Instant expiresAt() {
        return keptAt.plus(IdempotentRequests.RETENTION);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdempotencyRecord that && scope.equals(that.scope) && key.equals(that.key)
                && fingerprint.equals(that.fingerprint) && Arrays.equals(sealedAnswer, that.sealedAnswer)
                && keptAt.equals(that.keptAt);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(scope, key, fingerprint, Arrays.hashCode(sealedAnswer), keptAt);
    }

    @Override
    public String toString() {
        return "IdempotencyRecord[scope=" + scope + ", fingerprint=" + fingerprint + ", keptAt=" + keptAt + "]";
    }
}
