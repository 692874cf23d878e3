package io.connectionbroker.domain;

import java.time.Instant;

/**
 * One API key of an instance, as stored: only the hash of its secret part.
 *
 * @param lastUsedAt when a request last authenticated with it, to the hour ({@link AuthenticateInstance});
 *                   null until it is first used
 */
public record InstanceKey(String keyId, String instanceId, SecretHash hash, Instant createdAt, Instant lastUsedAt) {

    public InstanceKey(String keyId, String instanceId, SecretHash hash, Instant createdAt) {
        this(keyId, instanceId, hash, createdAt, null);
    }
}
