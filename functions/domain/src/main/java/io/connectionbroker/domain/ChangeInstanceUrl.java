package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.InstanceAlreadyRegistered;
import io.connectionbroker.domain.refusal.InstanceNotFound;
import io.connectionbroker.domain.refusal.StoreUnavailable;
import java.time.Duration;

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
    private final ProofOfControl proofOfControl;

    public ChangeInstanceUrl(ConnectionStore store, HelpdeskUsers helpdesks) {
        this.store = store;
        this.proofOfControl = new ProofOfControl(helpdesks);
    }

    public record Command(String url, Proof proof) {
    }

    public Instance change(Instance caller, Command command) {
        return change(caller, command, Replayable.none());
    }

    /**
     * @throws PlatformMismatch          the new URL is another platform's: an instance keeps its platform
     * @throws InstanceAlreadyRegistered another instance is registered at the new URL
     * @throws StoreUnavailable          the instance moved meanwhile (send again), or the database is busy
     * @see ProofOfControl#confirm for the refusals before anything is written
     */
    public Instance change(Instance caller, Command command, Replayable<Instance> replay) {
        InstanceUrl url = proofOfControl.confirm(command.url(), caller.platform(), command.proof());
        Instance moved = caller.withUrl(url);
        if (!url.equals(caller.url()) && !store.changeUrl(caller, url)) {
            Instance now = store.findInstance(caller.id()).orElseThrow(InstanceNotFound::new);
            if (!now.url().equals(url)) {
                if (store.findInstanceByUrl(url).isPresent()) {
                    throw new InstanceAlreadyRegistered(url);
                }
                throw new StoreUnavailable("Your instance's URL was changed by another request meanwhile. Read it"
                        + " (GET /v1/instances/me) and send the change again if it is still needed.",
                        Duration.ofSeconds(1));
            }
            moved = now;
        }
        store.moveSides(caller.id(), url);
        IdempotencyRecord kept = replay.recordOf(moved);
        if (kept != null) {
            store.keep(kept);
        }
        return moved;
    }
}
