package io.connectionbroker.domain;

import java.time.Instant;

/**
 * The stored half of an invitation code: the code's public id, the hash of the code, when it lapses and,
 * once the invited side answered, its answer, when and by whom. A code is answered once.
 *
 * @param wrongCodes  how many codes with this invitation's id but the wrong secret one caller presented (see
 *                    {@link ConnectionStore#findInvitation(String, String)}); 0 when read for nobody
 * @param lockedUntil until when that caller is refused every code, after too many wrong ones; or null
 */
public record Invitation(String id, String connectionId, SecretHash hash, Instant expiresAt, Answer answer,
                         Instant answeredAt, String answeredBy, int wrongCodes, Instant lockedUntil) {

    public Invitation(String id, String connectionId, SecretHash hash, Instant expiresAt, Answer answer,
                      Instant answeredAt, String answeredBy) {
        this(id, connectionId, hash, expiresAt, answer, answeredAt, answeredBy, 0, null);
    }

    /** The invitation with one caller's wrong codes and lock. */
    public Invitation withTries(int wrongCodes, Instant lockedUntil) {
        return new Invitation(id, connectionId, hash, expiresAt, answer, answeredAt, answeredBy, wrongCodes,
                lockedUntil);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** What the invited side did with the code. */
    public enum Answer {
        ACCEPTED, DECLINED
    }

    static Invitation open(InvitationCode code, String connectionId, Instant expiresAt) {
        return new Invitation(code.id(), connectionId, code.hash(), expiresAt, null, null, null);
    }

    public boolean isAnswered() {
        return answer != null;
    }

    /** Expiry is decided here, on read: DynamoDB's TTL deletes lapsed items only eventually. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
