package io.connectionbroker.idempotency;

import io.connectionbroker.domain.Entropy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

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

    private final AnswerSealingKey key;
    private final Entropy entropy;

    SealedAnswers(AnswerSealingKey key, Entropy entropy) {
        this.key = key;
        this.entropy = entropy;
    }

    /** @return the nonce followed by the ciphertext and its tag */
    byte[] seal(byte[] answer, String context) {
        byte[] nonce = entropy.bytes(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(answer);
            byte[] sealed = Arrays.copyOf(nonce, NONCE_BYTES + ciphertext.length);
            System.arraycopy(ciphertext, 0, sealed, NONCE_BYTES, ciphertext.length);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + CIPHER, e);
        }
    }

    /** @throws IllegalStateException when the answer was sealed with another secret, for another key, or altered */
    byte[] open(byte[] sealed, String context) {
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("a kept answer does not open: it was sealed with another secret or"
                    + " for another key, or altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + CIPHER, e);
        }
    }
}
