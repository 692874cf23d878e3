package io.connectionbroker.domain;

import java.time.Duration;

/** The store cannot answer right now (throttled, failing or contended): the same request may succeed later. */
public final class StoreUnavailable extends Refusal {
    private final Duration retryAfter;

    public StoreUnavailable(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String kind() {
        return "temporarily-unavailable";
    }

    @Override
    public String title() {
        return "The service is busy; try again shortly";
    }
}
