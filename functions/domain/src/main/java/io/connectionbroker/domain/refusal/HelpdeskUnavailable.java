package io.connectionbroker.domain.refusal;

import java.time.Duration;

/** The helpdesk could not be asked to confirm a credential now; the same request may succeed later. */
public final class HelpdeskUnavailable extends Refusal {
    /** How long a caller waits before sending the request again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public HelpdeskUnavailable(String why) {
        super("The helpdesk could not confirm the credential: " + why + ". Nothing was registered; send the same"
                + " request again shortly.");
    }

    public Duration retryAfter() {
        return RETRY_AFTER;
    }

    @Override
    public Kind kind() {
        return Kind.HELPDESK_UNAVAILABLE;
    }
}
