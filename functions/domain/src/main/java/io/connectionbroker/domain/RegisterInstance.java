package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.InstanceAlreadyRegistered;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Registers a helpdesk instance and issues its first API key, once the helpdesk itself has confirmed that the
 * credential sent as proof is an administrator's of that very instance. The platform follows from the URL and
 * the licence is never the caller's word: a new instance starts on a {@link Instance#TRIAL}.
 */
public final class RegisterInstance {
    private final ConnectionStore store;
    private final ProofOfControl proofOfControl;
    private final Clock clock;
    private final Entropy entropy;

    public RegisterInstance(ConnectionStore store, HelpdeskUsers helpdesks, Clock clock, Entropy entropy) {
        this.store = store;
        this.proofOfControl = new ProofOfControl(helpdesks);
        this.clock = clock;
        this.entropy = entropy;
    }

    /**
     * @param platform null when the caller leaves it out; when given it must be the URL's own
     * @param isPublic null means public: most instances are reachable
     * @param proof    null when missing
     */
    public record Command(String url, Platform platform, Boolean isPublic, Proof proof) {
    }

    /** The new instance and its API key, which is shown this once. */
    public record Registered(Instance instance, ApiKey apiKey) {
    }

    /**
     * Decides a new instance with its first key, each time it is asked; the helpdesk confirms the proof on the
     * first decision only. A commit that finds the URL claimed refuses with {@link InstanceAlreadyRegistered}.
     *
     * @see ProofOfControl#confirm for the refusals before anything is written
     */
    public Supplier<Decision<Registered>> register(Command command) {
        Supplier<InstanceUrl> confirmed = proofOfControl.confirmOnce(command.url(), command.platform(),
                command.proof());
        return () -> Decision.of(() -> {
            InstanceUrl url = confirmed.get();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Instance instance = new Instance(entropy.uuid().toString(), url, url.platform(), License.TRIAL,
                    now.plus(Instance.TRIAL), command.isPublic() == null || command.isPublic(), now);
            ApiKey key = ApiKey.issue(entropy);
            return Decision.changeUnlessRefused(new Registered(instance, key), (kept, actor) -> store.registerInstance(
                    instance, new InstanceKey(key.id(), instance.id(), key.hash(), now), java.util.List.of(
                            Event.ofInstance(instance.id(), EventType.INSTANCE_REGISTERED, new Actor(instance.id(),
                                    key.id()), now, Event.data("url", url, "platform", instance.platform(),
                                    "public", instance.isPublic()))), kept),
                    () -> new InstanceAlreadyRegistered(url));
        });
    }
}
