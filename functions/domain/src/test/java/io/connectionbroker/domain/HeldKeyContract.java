package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.refusal.StoreUnavailable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConnectionStore} must do for authentication's one read: a key found with its instance
 * finds the instance as it is now, after every change of the instance or its keys, and under concurrent
 * changes of both.
 */
public abstract class HeldKeyContract {
    private final Entropy entropy = new SecureEntropy();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract ConnectionStore store();

    @Test
    public void everyKeyFindsItsInstanceAsItIsNowAfterEachChange() {
        Instance registered = new Instance(entropy.uuid().toString(), InstanceUrl.parse("url",
                "https://held.zendesk.com"), Platform.ZENDESK, License.TRIAL, now.plusSeconds(60), true, now);
        assertTrue(store().registerInstance(registered, key(registered), List.of(), null));
        assertTrue(store().addKey(registered, key(registered), 5, List.of(), null));
        assertEveryKeyHolds(registered);

        Instance paid = store().setLicense(registered.id(), License.PAID, null).orElseThrow();
        assertEveryKeyHolds(paid);
        InstanceUrl moved = InstanceUrl.parse("url", "https://held-support.zendesk.com");
        assertTrue(store().changeUrl(paid, moved, List.of()));
        Instance current = paid.withUrl(moved);
        assertEveryKeyHolds(current);

        // A key issued by a caller that read the instance before both changes still carries it as it is now.
        assertTrue(store().addKey(registered, key(registered), 5, List.of(), null));
        assertEveryKeyHolds(current);
        InstanceKey recovered = key(registered);
        assertFalse(store().replaceKeys(registered, store().findKeys(registered.id()), recovered, List.of(), null),
                "recovery decided from the instance before it changed");
        assertTrue(store().replaceKeys(current, store().findKeys(registered.id()), recovered, List.of(), null));
        assertEveryKeyHolds(current);
        assertEquals(1, store().findKeys(registered.id()).size());
        assertEquals(Optional.empty(), store().findHeldKey("no-such-key"));
    }

    @Test
    public void licenceAndUrlChangesRacingKeyChangesLeaveEveryKeyWithTheInstanceAsItIsNow() throws Exception {
        Instance registered = new Instance(entropy.uuid().toString(), InstanceUrl.parse("url",
                "https://racing.zendesk.com"), Platform.ZENDESK, License.PAID, null, true, now);
        InstanceKey first = key(registered);
        assertTrue(store().registerInstance(registered, first, List.of(), null));
        int callers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    try {
                        switch (n % 4) {
                            case 0 -> store().setLicense(registered.id(), n % 8 == 0 ? License.FREE : License.TRIAL,
                                    now.plusSeconds(n));
                            case 1 -> store().addKey(registered, key(registered), 20, List.of(), null);
                            case 2 -> store().changeUrl(store().findInstance(registered.id()).orElseThrow(),
                                    InstanceUrl.parse("url", "https://racing-" + n + ".zendesk.com"), List.of());
                            default -> store().revokeKey(first, List.of());
                        }
                    } catch (StoreUnavailable changedMeanwhileEachTry) {
                        // Allowed: the change wrote nothing; what matters is what every key holds afterwards.
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEveryKeyHolds(store().findInstance(registered.id()).orElseThrow());
    }

    private void assertEveryKeyHolds(Instance expected) {
        assertEquals(Optional.of(expected), store().findInstance(expected.id()));
        List<InstanceKey> keys = store().findKeys(expected.id());
        assertFalse(keys.isEmpty());
        for (InstanceKey key : keys) {
            HeldKey held = store().findHeldKey(key.keyId()).orElseThrow();
            assertEquals(key.keyId(), held.key().keyId());
            assertEquals(expected, held.instance(), "what key " + key.keyId() + " carries");
        }
    }

    private InstanceKey key(Instance instance) {
        ApiKey key = ApiKey.issue(entropy);
        return new InstanceKey(key.id(), instance.id(), key.hash(), now);
    }
}
