package io.connectionbroker.idempotency;

import io.connectionbroker.domain.StoreUnavailable;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The AES-256 key kept answers are encrypted with, derived from a secret that is read on first use, never
 * while the function starts (a SnapStart snapshot then holds none): in AWS the Secrets Manager secret the
 * template creates ({@code connection-broker.idempotency.secret-arn}, set from
 * CONNECTION_BROKER_IDEMPOTENCY_SECRET_ARN); locally and in tests a configured text
 * ({@code connection-broker.idempotency.secret}).
 */
@Singleton
public class AnswerSealingKey {
    /** Shorter secrets are refused: the key is only as strong as the secret it comes from. */
    static final int SECRET_MIN_LENGTH = 32;
    private static final String LABEL = "connection-broker kept answers v1\n";
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final String configuredSecret;
    private final String secretArn;
    private final BeanProvider<SecretsManagerClient> secretsManager;
    private volatile SecretKeySpec key;

    AnswerSealingKey(@Value("${connection-broker.idempotency.secret:}") String configuredSecret,
                     @Value("${connection-broker.idempotency.secret-arn:}") String secretArn,
                     BeanProvider<SecretsManagerClient> secretsManager) {
        this.configuredSecret = configuredSecret;
        this.secretArn = secretArn;
        this.secretsManager = secretsManager;
    }

    SecretKeySpec key() {
        SecretKeySpec read = key;
        if (read == null) {
            synchronized (this) {
                if (key == null) {
                    key = derive(secret());
                }
                read = key;
            }
        }
        return read;
    }

    private String secret() {
        String secret;
        if (!secretArn.isBlank()) {
            try {
                secret = secretsManager.get().getSecretValue(request -> request.secretId(secretArn)).secretString();
            } catch (SdkException e) {
                // Nothing is written without the sealed answer, so the same request may simply come again.
                throw new StoreUnavailable("The key that protects answers kept for Idempotency-Key could not be"
                        + " read just now; send the request again, with the same Idempotency-Key.", RETRY_AFTER);
            }
        } else if (!configuredSecret.isBlank()) {
            secret = configuredSecret;
        } else {
            throw new IllegalStateException("Idempotency-Key needs a secret to encrypt kept answers with: set"
                    + " connection-broker.idempotency.secret-arn (the deployment template does) or, outside AWS,"
                    + " connection-broker.idempotency.secret");
        }
        if (secret == null || secret.length() < SECRET_MIN_LENGTH) {
            throw new IllegalStateException("the secret for kept answers must have at least " + SECRET_MIN_LENGTH
                    + " characters");
        }
        return secret;
    }

    private static SecretKeySpec derive(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((LABEL + secret).getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(digest, "AES");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "AnswerSealingKey[redacted]";
    }
}
