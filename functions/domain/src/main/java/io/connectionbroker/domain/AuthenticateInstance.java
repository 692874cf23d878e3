package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.Unauthenticated;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Finds the instance an API key belongs to. */
public final class AuthenticateInstance {
    private static final String HOW = "Send your instance's API key as 'Authorization: Bearer <key>';"
            + " the key was shown when the instance was registered.";

    /** How precisely a key's last use is recorded: one write an hour at most, not one per request. */
    static final Duration USE_RECORDED_TO = Duration.ofHours(1);

    private final ConnectionStore store;
    private final Clock clock;

    public AuthenticateInstance(ConnectionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param apiKeyText the key as the caller sent it, or null when it sent none
     * @throws Unauthenticated when there is no key, or it is not a key of a registered instance
     */
    public Instance authenticate(String apiKeyText) {
        return caller(apiKeyText).instance();
    }

    /**
     * The calling instance with the id of the key it sent.
     *
     * @param apiKeyText the key as the caller sent it, or null when it sent none
     * @throws Unauthenticated when there is no key, or it is not a key of a registered instance
     */
    public Caller caller(String apiKeyText) {
        ApiKey key = parse(apiKeyText);
        return caller(key, store.findHeldKey(key.id()));
    }

    /**
     * The key the caller sent, for an operation that reads the key along with what it needs, then hands it to
     * {@link #caller(ApiKey, Optional)}.
     *
     * @param apiKeyText the key as the caller sent it, or null when it sent none
     * @throws Unauthenticated when there is no key, or it is not shaped like one
     */
    public ApiKey parse(String apiKeyText) {
        if (apiKeyText == null || apiKeyText.isBlank()) {
            throw new Unauthenticated("No API key was sent. " + HOW);
        }
        StringBuilder whyNot = new StringBuilder();
        Optional<ApiKey> parsed = ApiKey.parse(apiKeyText, whyNot);
        if (parsed.isEmpty()) {
            throw new Unauthenticated("The Authorization header does not hold an API key: " + whyNot + ". " + HOW);
        }
        return parsed.get();
    }

    /**
     * The calling instance, from the key item stored under the sent key's id.
     *
     * @param held what the store holds under {@code key}'s id
     * @throws Unauthenticated when it is not a key of a registered instance
     */
    public Caller caller(ApiKey key, Optional<HeldKey> held) {
        HeldKey matching = held.filter(found -> found.key().hash().matches(key.hash()))
                .orElseThrow(() -> new Unauthenticated("The API key is not valid: it belongs to no registered"
                        + " instance, or was revoked. " + HOW));
        InstanceKey stored = matching.key();
        Instance instance = Optional.ofNullable(matching.instance())
                .orElseThrow(() -> new Unauthenticated("The API key's instance is no longer registered. " + HOW));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (stored.lastUsedAt() == null || stored.lastUsedAt().isBefore(now.minus(USE_RECORDED_TO))) {
            store.recordKeyUse(stored.keyId(), now, now.minus(USE_RECORDED_TO));
        }
        return new Caller(instance, stored.keyId());
    }
}
