package io.connectionbroker.domain;

import java.time.Instant;

/** What is stored of an API key: its public id, its owner and the hash of the whole key. */
public record InstanceKey(String keyId, String instanceId, SecretHash hash, Instant createdAt) {
}
