package io.connectionbroker.domain;

import java.util.Optional;

/**
 * Makes the cursors the API gives out tamper-evident, with a key the domain never sees: a cursor opens only if
 * this service made it, so a position a client makes up, alters or cuts short is refused, not followed.
 */
public interface CursorSeal {

    /** A cursor carrying {@code payload} that only this service can make. */
    String seal(String payload);

    /** The payload of a cursor this service made; empty for any other text. */
    Optional<String> open(String cursor);
}
