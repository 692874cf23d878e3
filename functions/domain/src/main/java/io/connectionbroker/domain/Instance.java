package io.connectionbroker.domain;

import java.time.Instant;

/**
 * A registered helpdesk instance.
 *
 * @param isPublic false when the instance sits in a private network and cannot be reached from outside
 */
public record Instance(String id, InstanceUrl url, Platform platform, License license, boolean isPublic,
                       Instant createdAt) {
}
