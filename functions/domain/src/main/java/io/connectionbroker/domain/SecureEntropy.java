package io.connectionbroker.domain;

import java.security.SecureRandom;

/**
 * Draws from a {@link SecureRandom} made for each call, so no generator state exists before the first
 * request and none can be shared by instances restored from one snapshot.
 */
public final class SecureEntropy implements Entropy {
    @Override
    public byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
