package io.connectionbroker.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * An opaque tag of what one side is shown of a connection, for HTTP's ETag: every stored change bumps the
 * version, a lapsed invitation changes the status shown, and each side sees its own {@code yourSide}.
 */
final class ConnectionTag {
    private ConnectionTag() {
    }

    static String of(Connection seen, Connection.End side) {
        return ofParts(java.util.List.of(seen.id(), Long.toString(seen.version()), seen.status().name(), side.name()));
    }

    /** One tag of several parts (null ones included): it changes whenever one of them does, or their order. */
    static String ofParts(java.util.List<String> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest.digest(), 12));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
