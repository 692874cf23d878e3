package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.InstanceNotRegistered;
import io.connectionbroker.domain.refusal.StoreUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/**
 * An administrator who lost every API key of an instance proves control of its helpdesk again and gets a new
 * key; every other key of the instance stops working at once (whoever else holds one, holds nothing now).
 */
public final class RecoverInstance {
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

    /**
     * Decides the instance's one new key from its keys as read, each time it is asked; the helpdesk confirms the
     * proof on the first decision only. Refuses with {@link InstanceNotRegistered} when no instance is
     * registered at the URL, {@link StoreUnavailable} when the instance's keys kept changing meanwhile.
     *
     * @see ProofOfControl#confirm for the refusals before anything is read or written
     */
    /**
     * The events of a recovery: each old key revoked, the new one created, by the instance proving itself through
     * its helpdesk (no key).
     */
    private static List<Event> recovered(Instance instance, List<InstanceKey> revoked, InstanceKey added,
                                         Instant at) {
        Actor helpdeskProof = new Actor(instance.id(), null);
        List<Event> events = new java.util.ArrayList<>();
        for (InstanceKey old : revoked) {
            events.add(Event.ofInstance(instance.id(), EventType.API_KEY_REVOKED, helpdeskProof, at,
                    Event.data("keyId", old.keyId())));
        }
        events.add(Event.ofInstance(instance.id(), EventType.API_KEY_CREATED, helpdeskProof, at,
                Event.data("keyId", added.keyId())));
        return events;
    }

    public Supplier<Decision<InstanceKeys.Issued>> recover(Command command) {
        Supplier<InstanceUrl> confirmed = proofOfControl.confirmOnce(command.url(), null, command.proof());
        return () -> Decision.of(() -> {
            InstanceUrl url = confirmed.get();
            Instance instance = store.findInstanceByUrl(url).orElse(null);
            if (instance == null) {
                return Decision.refuse(new InstanceNotRegistered(url));
            }
            List<InstanceKey> revoked = store.findKeys(instance.id());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            ApiKey apiKey = ApiKey.issue(entropy);
            InstanceKey key = new InstanceKey(apiKey.id(), instance.id(), apiKey.hash(), now);
            return Decision.change(new InstanceKeys.Issued(key, apiKey),
                    (kept, actor) -> store.replaceKeys(instance, revoked, key, recovered(instance, revoked, key,
                            now), kept),
                    () -> new StoreUnavailable("The instance's API keys are being changed by other requests. Send"
                            + " the same request again.", Duration.ofSeconds(1)));
        });
    }
}
