package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.KeyLimitReached;
import io.connectionbroker.domain.refusal.KeyNotFound;
import io.connectionbroker.domain.refusal.LastKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * An instance's own API keys: list them, issue another (to rotate: issue, deploy it, revoke the old one),
 * revoke one. An instance always keeps at least one key and has at most {@value #MAX_KEYS}.
 */
public final class InstanceKeys {
    public static final int MAX_KEYS = 5;

    private final ConnectionStore store;
    private final Clock clock;
    private final Entropy entropy;

    public InstanceKeys(ConnectionStore store, Clock clock, Entropy entropy) {
        this.store = store;
        this.clock = clock;
        this.entropy = entropy;
    }

    /** The instance and its keys, oldest first; never a key's secret. */
    public record Keys(Instance instance, List<InstanceKey> keys) {
    }

    /** A new key, whose secret is shown this once. */
    public record Issued(InstanceKey key, ApiKey apiKey) {
    }

    public Keys view(Instance caller) {
        return new Keys(caller, store.findKeys(caller.id()).stream()
                .sorted(Comparator.comparing(InstanceKey::createdAt).thenComparing(InstanceKey::keyId)).toList());
    }

    public Issued issue(Instance caller) {
        return issue(caller, Replayable.none());
    }

    public Issued issue(Instance caller, Replayable<Issued> replay) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ApiKey apiKey = ApiKey.issue(entropy);
        InstanceKey key = new InstanceKey(apiKey.id(), caller.id(), apiKey.hash(), now);
        Issued issued = new Issued(key, apiKey);
        if (!store.addKey(key, MAX_KEYS, replay.recordOf(issued))) {
            throw new KeyLimitReached("Your instance has " + MAX_KEYS + " API keys, as many as it may. Revoke one"
                    + " it no longer uses (DELETE /v1/instances/me/keys/{keyId}), then issue a new one.");
        }
        return issued;
    }

    /** The key stops working at once. */
    public void revoke(Instance caller, String keyId) {
        InstanceKey key = store.findKey(keyId == null ? "" : keyId)
                .filter(found -> found.instanceId().equals(caller.id()))
                .orElseThrow(() -> new KeyNotFound("Your instance has no API key with this id. GET"
                        + " /v1/instances/me lists its keys' ids (never send a key itself in the path)."));
        if (!store.revokeKey(key)) {
            throw new LastKey("This is your instance's last API key: revoking it would lock your app out. Issue"
                    + " a new key first (POST /v1/instances/me/keys), then revoke this one.");
        }
    }
}
