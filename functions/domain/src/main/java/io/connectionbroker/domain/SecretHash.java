package io.connectionbroker.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The SHA-256 of a secret: all that is ever stored of an invitation code or an API key. */
public final class SecretHash {
    private final byte[] digest;

    private SecretHash(byte[] digest) {
        this.digest = digest;
    }

    /** Also for texts that hold a secret or must be stored at a fixed length, such as a request's fingerprint. */
    public static SecretHash of(String secret) {
        try {
            return new SecretHash(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static SecretHash fromBase64(String stored) {
        return new SecretHash(Base64.getDecoder().decode(stored));
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(digest);
    }

    /** Compares in constant time, so the time taken says nothing about how much of a guess was right. */
    public boolean matches(SecretHash other) {
        return MessageDigest.isEqual(digest, other.digest);
    }

    @Override
    public String toString() {
        return "SecretHash[sha256]";
    }
}
