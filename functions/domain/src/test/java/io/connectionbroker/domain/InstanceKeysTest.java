package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectionbroker.domain.refusal.KeyLimitReached;
import io.connectionbroker.domain.refusal.KeyNotFound;
import io.connectionbroker.domain.refusal.LastKey;
import io.connectionbroker.domain.refusal.Unauthenticated;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceKeysTest {
    private final TestBroker broker = new TestBroker();
    private final RegisterInstance.Registered acme = broker.register("https://acme.zendesk.com");

    @Test
    void anInstanceStartsWithItsRegistrationKeyAndRotatesByIssuingThenRevoking() {
        assertEquals(List.of(acme.apiKey().id()), keyIds());

        broker.clock.advance(Duration.ofMinutes(1));
        InstanceKeys.Issued issued = broker.commit(() -> broker.keys.issue(acme.instance()));
        assertEquals(List.of(acme.apiKey().id(), issued.key().keyId()), keyIds());
        assertEquals(acme.instance(), broker.authenticate.authenticate(issued.apiKey().reveal()));

        broker.commit(() -> broker.keys.revoke(acme.instance(), acme.apiKey().id()));
        assertEquals(List.of(issued.key().keyId()), keyIds());
        assertThrows(Unauthenticated.class, () -> broker.authenticate.authenticate(acme.apiKey().reveal()));
    }

    @Test
    void theLastKeyStaysAndAnInstanceHasAtMostFive() {
        assertThrows(LastKey.class, () -> broker.commit(() -> broker.keys.revoke(acme.instance(), acme.apiKey().id())));
        for (int i = 1; i < InstanceKeys.MAX_KEYS; i++) {
            broker.commit(() -> broker.keys.issue(acme.instance()));
        }
        assertThrows(KeyLimitReached.class, () -> broker.commit(() -> broker.keys.issue(acme.instance())));
        assertEquals(InstanceKeys.MAX_KEYS, keyIds().size());
    }

    @Test
    void anotherInstancesKeyOrAnUnknownOneIsNotFound() {
        RegisterInstance.Registered beta = broker.register("https://beta.freshdesk.com");
        broker.commit(() -> broker.keys.issue(beta.instance()));

        assertThrows(KeyNotFound.class, () -> broker.commit(() -> broker.keys.revoke(acme.instance(), beta.apiKey().id())));
        assertThrows(KeyNotFound.class, () -> broker.commit(() -> broker.keys.revoke(acme.instance(), "nope")));
        assertEquals(2, broker.keys.view(beta.instance()).keys().size());
    }

    @Test
    void useIsRecordedToTheHour() {
        assertNull(key().lastUsedAt());
        broker.authenticate.authenticate(acme.apiKey().reveal());
        var first = key().lastUsedAt();
        assertNotNull(first);

        broker.clock.advance(Duration.ofMinutes(59));
        broker.authenticate.authenticate(acme.apiKey().reveal());
        assertEquals(first, key().lastUsedAt(), "within the hour, no write");

        broker.clock.advance(Duration.ofMinutes(2));
        broker.authenticate.authenticate(acme.apiKey().reveal());
        assertEquals(first.plus(Duration.ofMinutes(61)), key().lastUsedAt());
    }

    private InstanceKey key() {
        return broker.keys.view(acme.instance()).keys().get(0);
    }

    private List<String> keyIds() {
        return broker.keys.view(acme.instance()).keys().stream().map(InstanceKey::keyId).toList();
    }
}
