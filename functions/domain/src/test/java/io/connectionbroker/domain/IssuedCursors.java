package io.connectionbroker.domain;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The cursor seal for tests of the domain: a cursor opens only if it was handed out here. */
final class IssuedCursors implements CursorSeal {
    private final Map<String, String> issued = new ConcurrentHashMap<>();

    @Override
    public String seal(String payload) {
        String cursor = UUID.randomUUID().toString();
        issued.put(cursor, payload);
        return cursor;
    }

    @Override
    public Optional<String> open(String cursor) {
        return Optional.ofNullable(issued.get(cursor));
    }
}
