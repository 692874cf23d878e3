package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.FieldErrors;
import io.connectionbroker.domain.refusal.InvalidRequest;

/**
 * The page sizes and cursors of an instance's paged reads (the Connections tab, the event feed): a cursor is
 * opaque to clients, bound to the instance it was given to, and sealed, so nobody can make one up or use
 * another's.
 *
 * @param field   the query parameter that carries the cursor back
 * @param forged  what a cursor this read did not give out is told
 * @param another what another instance's cursor is told
 */
record InstanceCursors(CursorSeal seal, String field, String forged, String another) {

    /** The page size asked for, {@code fallback} when none; outside 1 to {@code max} is a bad {@code limit}. */
    static int size(FieldErrors checks, Integer limit, int fallback, int max) {
        int size = limit == null ? fallback : limit;
        if (size < 1 || size > max) {
            checks.reject("limit", "must be from 1 to " + max + " (it is " + size + ")");
        }
        return size;
    }

    /** A cursor carrying the position, for the caller only. */
    String cursorFor(Instance caller, String position) {
        return seal.seal(caller.id() + "|" + position);
    }

    /**
     * The position a cursor carries.
     *
     * @throws InvalidRequest when this service did not make it, or made it for another instance
     */
    String positionIn(String cursor, Instance caller) {
        String payload = seal.open(cursor).orElseThrow(this::forgedCursor);
        int bar = payload.indexOf('|');
        if (bar < 0) {
            throw forgedCursor();
        }
        if (!payload.substring(0, bar).equals(caller.id())) {
            throw InvalidRequest.of(field, another);
        }
        return payload.substring(bar + 1);
    }

    InvalidRequest forgedCursor() {
        return InvalidRequest.of(field, forged);
    }
}
