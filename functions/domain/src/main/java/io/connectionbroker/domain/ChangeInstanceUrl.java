package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.InstanceAlreadyRegistered;
import io.connectionbroker.domain.refusal.InstanceNotFound;
import io.connectionbroker.domain.refusal.StoreUnavailable;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * An instance whose helpdesk moved to another address (a sub-domain rename) keeps its identity: same id, keys
 * and connections. Its administrator proves control of the new address as at registration; the old address is
 * then free for anyone to register, and until someone does, invitations addressed to it remain this
 * instance's to accept.
 *
 * <p>Every connection shows a side's URL, so the move is written to each of the instance's connections after
 * the instance itself has moved: one write per connection, each changing that side's URL only. If that is
 * cut short (the caller is told 503), the same request sent again finishes it; its answer is kept for the
 * Idempotency-Key only once every connection shows the new URL.
 */
public final class ChangeInstanceUrl {
    private final ConnectionStore store;
    private final java.time.Clock clock;
    private final ProofOfControl proofOfControl;

    public ChangeInstanceUrl(ConnectionStore store, HelpdeskUsers helpdesks, java.time.Clock clock) {
        this.store = store;
        this.clock = clock;
        this.proofOfControl = new ProofOfControl(helpdesks);
    }

    public record Command(String url, Proof proof) {
    }

    /**
     * Decides the move, each time it is asked; the helpdesk confirms the proof on the first decision only.
     * Refuses with {@link PlatformMismatch} when the new URL is another platform's (an instance keeps its
     * platform); a commit that loses refuses with {@link InstanceAlreadyRegistered} when another instance is
     * registered at the new URL, with {@link StoreUnavailable} when the instance moved meanwhile (send again).
     *
     * @see ProofOfControl#confirm for the refusals before anything is written
     */
    public Supplier<Decision<Instance>> change(Instance caller, Command command) {
        Supplier<InstanceUrl> confirmed = proofOfControl.confirmOnce(command.url(), caller.platform(),
                command.proof());
        return () -> Decision.of(() -> {
            InstanceUrl url = confirmed.get();
            Instance moved = caller.withUrl(url);
            return Decision.changeUnlessRefused(moved, (kept, actor) -> {
                if (!url.equals(caller.url()) && !store.changeUrl(caller, url, java.util.List.of(Event.ofInstance(
                        caller.id(), EventType.INSTANCE_URL_CHANGED, actor, clock.instant().truncatedTo(
                                java.time.temporal.ChronoUnit.MILLIS), Event.data("fromUrl", caller.url(),
                                "url", url))))
                        && !store.findInstance(caller.id()).orElseThrow(InstanceNotFound::new).url().equals(url)) {
                    return false;
                }
                // Each connection's side is its own write; the answer is kept once they all show the new URL.
                store.moveSides(caller.id(), url);
                if (kept != null) {
                    store.keep(kept);
                }
                return true;
            }, () -> store.findInstanceByUrl(url).isPresent() ? new InstanceAlreadyRegistered(url)
                    : new StoreUnavailable("Your instance's URL was changed by another request meanwhile. Read it"
                    + " (GET /v1/instances/me) and send the change again if it is still needed.",
                    Duration.ofSeconds(1)));
        });
    }
}
