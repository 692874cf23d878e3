package io.connectionbroker.domain;

import java.time.Instant;

/**
 * The stored half of an invitation code: the code's public id, the hash of the code, when it lapses and,
 * once accepted, when and by whom.
 */
public record Invitation(String id, String connectionId, SecretHash hash, Instant expiresAt, Instant usedAt,
                         String usedBy) {

    public boolean isUsed() {
        return usedAt != null;
    }

    /** Expiry is decided here, on read: DynamoDB's TTL deletes lapsed items only eventually. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
