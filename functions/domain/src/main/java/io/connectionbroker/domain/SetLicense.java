package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.InstanceNotFound;
import io.connectionbroker.domain.refusal.InvalidRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The operator sets an instance's licence: the one thing about an instance the broker cannot check itself.
 * TRIAL starts a fresh {@link Instance#TRIAL} from now; FREE and PAID leave the trial's end as it was.
 */
public final class SetLicense {
    private final ConnectionStore store;
    private final Clock clock;

    public SetLicense(ConnectionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Refuses with {@link InvalidRequest} when no licence is given, {@link InstanceNotFound} when no instance has
     * the id. The write sets the licence alone, whatever else of the instance changed meanwhile.
     */
    public Decision<Instance> set(String instanceId, License license) {
        if (license == null) {
            return Decision.refuse(InvalidRequest.of("license", "is required: one of FREE, TRIAL, PAID"));
        }
        Instance current = store.findInstance(instanceId).orElse(null);
        if (current == null) {
            return Decision.refuse(new InstanceNotFound());
        }
        Instant trialEndsAt = license == License.TRIAL
                ? clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(Instance.TRIAL) : null;
        return Decision.changeUnlessRefused(current.withLicense(license, trialEndsAt),
                (kept, actor) -> store.setLicense(instanceId, license, trialEndsAt).isPresent(), InstanceNotFound::new);
    }
}
