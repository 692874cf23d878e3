package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.InstanceNotRegistered;
import io.connectionbroker.domain.refusal.StoreUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An administrator who lost every API key of an instance proves control of its helpdesk again and gets a new
 * key; every other key of the instance stops working at once (whoever else holds one, holds nothing now).
 */
public final class RecoverInstance {
    /** Concurrent key changes are rare; after this many the caller is asked to send the request again. */
    private static final int ATTEMPTS = 3;

    private final ConnectionStore store;
    private final ProofOfControl proofOfControl;
    private final Clock clock;
    private final Entropy entropy;

    public RecoverInstance(ConnectionStore store, HelpdeskUsers helpdesks, Clock clock, Entropy entropy) {
        this.store = store;
        this.proofOfControl = new ProofOfControl(helpdesks);
        this.clock = clock;
        this.entropy = entropy;
    }

    public record Command(String url, Proof proof) {
    }

    public InstanceKeys.Issued recover(Command command) {
        return recover(command, Replayable.none());
    }

    /**
     * @throws InstanceNotRegistered when no instance is registered at the URL
     * @throws StoreUnavailable      when the instance's keys kept changing meanwhile
     * @see ProofOfControl#confirm for the refusals before anything is read or written
     */
    public InstanceKeys.Issued recover(Command command, Replayable<InstanceKeys.Issued> replay) {
        InstanceUrl url = proofOfControl.confirm(command.url(), null, command.proof());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instance instance = store.findInstanceByUrl(url).orElseThrow(() -> new InstanceNotRegistered(url));
            List<InstanceKey> revoked = store.findKeys(instance.id());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            ApiKey apiKey = ApiKey.issue(entropy);
            InstanceKey key = new InstanceKey(apiKey.id(), instance.id(), apiKey.hash(), now);
            InstanceKeys.Issued issued = new InstanceKeys.Issued(key, apiKey);
            if (store.replaceKeys(instance.id(), revoked, key, replay.recordOf(issued))) {
                return issued;
            }
        }
        throw new StoreUnavailable("The instance's API keys are being changed by other requests. Send the same"
                + " request again.", Duration.ofSeconds(1));
    }
}
