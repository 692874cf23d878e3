package io.connectionbroker.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One change, as the feeds of the instances it concerns show it. The store writes an event in the same
 * transaction as its change, once into each feed in {@code feeds}, so there is never one without the other.
 *
 * @param connectionId the connection it is about, or null for a change of an instance
 * @param actor        who made the change; null where nobody did (an invitation lapsed)
 * @param data         what changed: text, numbers, booleans or null, never a secret
 * @param feeds        the instances whose feeds show it, each once
 */
public record Event(String id, EventType type, Instant occurredAt, String connectionId, Actor actor,
                    Map<String, Object> data, List<String> feeds) {
    /** How long a feed keeps an event; the store's TTL deletes it afterwards. */
    public static final java.time.Duration RETENTION = java.time.Duration.ofDays(90);

    public Event {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        feeds = List.copyOf(feeds);
    }

    /** An event about a connection, for each of its sides (the destination once it joined). */
    static Event about(Connection connection, EventType type, Actor actor, Instant at, Map<String, Object> data) {
        return about(connection, type, actor, at, data, null);
    }

    /** An event about a connection for its sides and one more instance (the side that just answered), or null. */
    static Event about(Connection connection, EventType type, Actor actor, Instant at, Map<String, Object> data,
                       String alsoFor) {
        List<String> feeds = new ArrayList<>();
        for (String instanceId : java.util.Arrays.asList(connection.source().instanceId(),
                connection.destination().instanceId(), alsoFor)) {
            if (instanceId != null && !feeds.contains(instanceId)) {
                feeds.add(instanceId);
            }
        }
        return new Event(newId(), type, at, connection.id(), actor, data, feeds);
    }

    /** An event about an instance itself, in its own feed only. */
    static Event ofInstance(String instanceId, EventType type, Actor actor, Instant at, Map<String, Object> data) {
        return new Event(newId(), type, at, null, actor, data, List.of(instanceId));
    }

    /** Event ids only need to be unique; they are not secrets, so the JVM's generator will do. */
    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Data of pairs, for example {@code data("keyId", id)}; a null value is kept as null. */
    static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            data.put((String) pairs[i], value instanceof Enum<?> named ? named.name()
                    : value instanceof InstanceUrl url ? url.value() : value instanceof Instant when ? when.toString()
                    : value);
        }
        return data;
    }
}
