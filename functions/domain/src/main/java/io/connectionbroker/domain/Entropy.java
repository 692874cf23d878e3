package io.connectionbroker.domain;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Where secrets and ids get their randomness. Injected so that nothing random is made while a function
 * starts: a SnapStart snapshot would hand the same state to every restored instance.
 */
public interface Entropy {
    byte[] bytes(int count);

    /** A random (version 4) UUID drawn from this source, not from the JVM-wide generator UUID keeps. */
    default UUID uuid() {
        byte[] b = bytes(16);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(b);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
