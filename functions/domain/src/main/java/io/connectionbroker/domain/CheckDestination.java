package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.FieldErrors;
import io.connectionbroker.domain.refusal.InvalidRequest;
import io.connectionbroker.domain.refusal.UnsupportedInstanceUrl;
import java.time.Clock;

/**
 * The first screen of the wizard: before initiating, what a connection from the caller's instance to a
 * destination would be, and which modes are offered, by the rules initiating applies.
 */
public final class CheckDestination {
    private final ConnectionStore store;
    private final Clock clock;

    public CheckDestination(ConnectionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param url                the destination's URL, or null
     * @param privateDestination true for a destination without a URL ("I don't have a URL")
     * @throws InvalidRequest         when neither or both are given
     * @throws UnsupportedInstanceUrl when the URL is not a helpdesk instance's
     */
    public DestinationOffer check(Instance caller, String url, boolean privateDestination) {
        FieldErrors checks = new FieldErrors();
        if (privateDestination && url != null) {
            checks.reject("url", "must be left out with private=true: a private destination has no URL");
        } else if (!privateDestination && (url == null || url.isBlank())) {
            checks.reject("url", "is required: the destination instance's https URL, for example"
                    + " https://acme.zendesk.com, or private=true instead");
        }
        checks.throwIfInvalid();
        InstanceUrl destination = privateDestination ? null : InstanceUrl.parse("url", url);
        return DestinationOffer.of(caller, clock.instant(), destination, store);
    }
}
