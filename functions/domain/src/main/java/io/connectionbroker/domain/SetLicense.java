package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.InstanceNotFound;
import io.connectionbroker.domain.refusal.InvalidRequest;
import java.time.Clock;
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
     * @throws InvalidRequest    when no licence is given
     * @throws InstanceNotFound  when no instance has the id
     */
    public Instance set(String instanceId, License license) {
        if (license == null) {
            throw InvalidRequest.of("license", "is required: one of FREE, TRIAL, PAID");
        }
        return store.setLicense(instanceId, license, license == License.TRIAL
                        ? clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(Instance.TRIAL) : null)
                .orElseThrow(InstanceNotFound::new);
    }
}
