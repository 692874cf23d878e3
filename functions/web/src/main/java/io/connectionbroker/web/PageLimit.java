package io.connectionbroker.web;

import io.connectionbroker.domain.refusal.InvalidRequest;

/** The {@code limit} query parameter of a paged read, as sent: text the domain then checks for range. */
public final class PageLimit {
    private PageLimit() {
    }

    /**
     * @return the number, or null when none was sent
     * @throws InvalidRequest when it is not a whole number
     */
    public static Integer parse(String limit, int max) {
        if (limit == null) {
            return null;
        }
        try {
            return Integer.valueOf(limit.strip());
        } catch (NumberFormatException e) {
            throw InvalidRequest.of("limit", "must be a whole number from 1 to " + max);
        }
    }
}
