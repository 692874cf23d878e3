package io.connectionbroker.testing.function;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A code an attacker could make: the right id (the public part of a real code), a made-up secret, and a
 * correct checksum, so that it passes the format check and reaches the invitation.
 */
public final class WrongCode {
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final int CHECKSUM_CHARS = 7;
    private static final int SECRET_CHARS = 32;

    private WrongCode() {
    }

    /** {@code attempt} varies the made-up secret. */
    public static String sameIdAs(String code, int attempt) {
        String withoutSecret = code.substring(0, code.length() - CHECKSUM_CHARS - SECRET_CHARS);
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < SECRET_CHARS; i++) {
            secret.append(ALPHABET.charAt((attempt + i * 7) % ALPHABET.length()));
        }
        String body = withoutSecret + secret;
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] checksum = new char[CHECKSUM_CHARS];
        for (int i = CHECKSUM_CHARS - 1; i >= 0; i--) {
            checksum[i] = ALPHABET.charAt((int) (value & 31));
            value >>>= 5;
        }
        return body + new String(checksum);
    }
}
