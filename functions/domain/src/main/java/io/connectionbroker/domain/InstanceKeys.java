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

    /**
     * Decides another key. The store's count of the instance's keys is the condition: a commit that finds
     * {@value #MAX_KEYS} keys refuses with {@link KeyLimitReached}.
     */
    public Decision<Issued> issue(Instance caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ApiKey apiKey = ApiKey.issue(entropy);
        InstanceKey key = new InstanceKey(apiKey.id(), caller.id(), apiKey.hash(), now);
        return Decision.changeUnlessRefused(new Issued(key, apiKey), (kept, actor) -> store.addKey(caller, key, MAX_KEYS,
                        java.util.List.of(Event.ofInstance(caller.id(), EventType.API_KEY_CREATED, actor, now,
                                Event.data("keyId", key.keyId()))), kept),
                () -> new KeyLimitReached("Your instance has " + MAX_KEYS + " API keys, as many as it may. Revoke"
                        + " one it no longer uses (DELETE /v1/instances/me/keys/{keyId}), then issue a new one."));
    }

    /**
     * Decides that the key stops working at once; the result is the key revoked. Refuses with
     * {@link KeyNotFound} for a key that is not the caller's; a commit that finds it the instance's last key
     * refuses with {@link LastKey}.
     */
    public Decision<InstanceKey> revoke(Instance caller, String keyId) {
        InstanceKey key = callersKey(caller, keyId);
        if (key == null) {
            return Decision.refuse(noSuchKey());
        }
        // The store keeps the rule (never the last key); a lost commit says which way it went.
        return Decision.changeUnlessRefused(key, (kept, actor) -> store.revokeKey(key, java.util.List.of(
                Event.ofInstance(caller.id(), EventType.API_KEY_REVOKED, actor, clock.instant().truncatedTo(
                        ChronoUnit.MILLIS), Event.data("keyId", key.keyId())))), () -> callersKey(caller, keyId) == null
                ? noSuchKey() : new LastKey("This is your instance's last API key: revoking it would lock your app"
                + " out. Issue a new key first (POST /v1/instances/me/keys), then revoke this one."));
    }

    private InstanceKey callersKey(Instance caller, String keyId) {
        return store.findKey(keyId == null ? "" : keyId).filter(found -> found.instanceId().equals(caller.id()))
                .orElse(null);
    }

    private static KeyNotFound noSuchKey() {
        return new KeyNotFound("Your instance has no API key with this id. GET /v1/instances/me lists its keys'"
                + " ids (never send a key itself in the path).");
    }
}
