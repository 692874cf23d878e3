package io.connectionbroker.domain.refusal;

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
    public Kind kind() {
        return Kind.TEMPORARILY_UNAVAILABLE;
    }
}
