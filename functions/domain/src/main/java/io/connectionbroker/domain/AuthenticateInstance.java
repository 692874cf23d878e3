package io.connectionbroker.domain;

import java.util.Optional;

/** Finds the instance an API key belongs to. */
public final class AuthenticateInstance {
    private static final String HOW = "Send your instance's API key as 'Authorization: Bearer <key>';"
            + " the key was shown when the instance was registered.";

    private final ConnectionStore store;

    public AuthenticateInstance(ConnectionStore store) {
        this.store = store;
    }

    /**
     * @param apiKeyText the key as the caller sent it, or null when it sent none
     * @throws Unauthenticated when there is no key, or it is not a key of a registered instance
     */
    public Instance authenticate(String apiKeyText) {
        if (apiKeyText == null || apiKeyText.isBlank()) {
            throw new Unauthenticated("No API key was sent. " + HOW);
        }
        StringBuilder whyNot = new StringBuilder();
        Optional<ApiKey> parsed = ApiKey.parse(apiKeyText, whyNot);
        if (parsed.isEmpty()) {
            throw new Unauthenticated("The Authorization header does not hold an API key: " + whyNot + ". " + HOW);
        }
        ApiKey key = parsed.get();
        return store.findKey(key.id())
                .filter(stored -> stored.hash().matches(key.hash()))
                .flatMap(stored -> store.findInstance(stored.instanceId()))
                .orElseThrow(() -> new Unauthenticated("The API key is not valid: it belongs to no registered"
                        + " instance. " + HOW));
    }
}
