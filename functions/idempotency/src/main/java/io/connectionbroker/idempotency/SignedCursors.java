package io.connectionbroker.idempotency;

import io.connectionbroker.domain.CursorSeal;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cursors signed with HMAC-SHA256 under the cursors key of the service's secret ({@link SecretKeys}):
 * {@code base64url(payload) "." base64url(mac)}. A cursor signed under the secret's previous version still
 * opens, so changing the secret does not break a client paging at that moment.
 */
@Singleton
public class SignedCursors implements CursorSeal {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Far above any cursor this service makes: longer text is not read at all. */
    private static final int MAX_LENGTH = 1024;

    private final SecretKeys keys;

    SignedCursors(SecretKeys keys) {
        this.keys = keys;
    }

    @Override
    public String seal(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(
                mac(keys.currentKeys(keys.reads()).cursors(), bytes));
    }

    @Override
    public Optional<String> open(String cursor) {
        int dot = cursor.indexOf('.');
        if (cursor.length() > MAX_LENGTH || dot < 0 || dot != cursor.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] presented;
        try {
            payload = DECODER.decode(cursor.substring(0, dot));
            presented = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        SecretKeys.Reads reads = keys.reads();
        boolean signedHere = MessageDigest.isEqual(mac(keys.currentKeys(reads).cursors(), payload), presented)
                || keys.previousKeys(reads).map(previous -> MessageDigest.isEqual(
                        mac(previous.cursors(), payload), presented)).orElse(false);
        return signedHere ? Optional.of(new String(payload, StandardCharsets.UTF_8)) : Optional.empty();
    }

    private static byte[] mac(SecretKeySpec key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
