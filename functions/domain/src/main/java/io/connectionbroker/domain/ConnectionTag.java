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
        String shown = seen.id() + "|" + seen.version() + "|" + seen.status() + "|" + side;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(shown.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
