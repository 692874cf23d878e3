package io.connectionbroker.idempotency;

import io.connectionbroker.domain.Entropy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the answers kept for requests sent again (they may hold an invitation code or an API key) with
 * AES-256-GCM: a fresh 96-bit nonce each time, and the scope and key they answer as associated data, so that
 * a record moved under another key does not open.
 */
@Singleton
public class SealedAnswers {
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeys key;
    private final Entropy entropy;

    SealedAnswers(SecretKeys key, Entropy entropy) {
        this.key = key;
        this.entropy = entropy;
    }

    /** @return the nonce followed by the ciphertext and its tag */
    byte[] seal(byte[] answer, String context) {
        byte[] nonce = entropy.bytes(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key.current(key.reads()), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(answer);
            byte[] sealed = Arrays.copyOf(nonce, NONCE_BYTES + ciphertext.length);
            System.arraycopy(ciphertext, 0, sealed, NONCE_BYTES, ciphertext.length);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + CIPHER, e);
        }
    }

    /**
     * Opens with the secret's current version, else its previous one; if neither opens, once more after
     * reading the secret again (another container may have sealed with a version newer than this one read).
     *
     * @throws IllegalStateException when the answer was sealed with an older secret, for another key, or altered
     */
    byte[] open(byte[] sealed, String context) {
        SecretKeys.Reads reads = key.reads();
        Optional<byte[]> opened = openWithCurrentOrPrevious(sealed, context, reads);
        if (opened.isEmpty() && key.forgetUnlessRecent()) {
            opened = openWithCurrentOrPrevious(sealed, context, reads);
        }
        return opened.orElseThrow(() -> new IllegalStateException("a kept answer opens with neither the current"
                + " nor the previous version of the secret: it was sealed with an older one or for another key,"
                + " or altered"));
    }

    private Optional<byte[]> openWithCurrentOrPrevious(byte[] sealed, String context, SecretKeys.Reads reads) {
        return openWith(key.current(reads), sealed, context)
                .or(() -> key.previous(reads).flatMap(previous -> openWith(previous, sealed, context)));
    }

    private static Optional<byte[]> openWith(SecretKeySpec key, byte[] sealed, String context) {
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return Optional.of(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + CIPHER, e);
        }
    }
}
