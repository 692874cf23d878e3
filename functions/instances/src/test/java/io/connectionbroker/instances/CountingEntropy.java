package io.connectionbroker.instances;

import io.connectionbroker.domain.Entropy;
import io.connectionbroker.domain.SecureEntropy;
import java.util.concurrent.atomic.AtomicInteger;

/** Real randomness that counts its draws: what a start-up must not draw on. */
final class CountingEntropy implements Entropy {
    final AtomicInteger draws = new AtomicInteger();
    private final SecureEntropy secure = new SecureEntropy();

    @Override
    public byte[] bytes(int count) {
        draws.incrementAndGet();
        return secure.bytes(count);
    }
}
