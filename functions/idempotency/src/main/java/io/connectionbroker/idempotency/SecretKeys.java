package io.connectionbroker.idempotency;

import io.connectionbroker.domain.refusal.StoreUnavailable;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The keys derived from the service's secret: the AES-256 key kept answers are encrypted with, and the
 * HMAC-SHA256 key cursors are signed with (each from its own label, so neither key tells anything of the
 * other). The secret is read on first use, never while the function starts (a SnapStart snapshot then holds
 * none): in AWS the Secrets Manager secret the
 * template creates ({@code connection-broker.idempotency.secret-arn}, set from
 * CONNECTION_BROKER_IDEMPOTENCY_SECRET_ARN); locally and in tests a configured text
 * ({@code connection-broker.idempotency.secret}).
 *
 * <p>Answers are sealed with the secret's current version. An answer is opened with the current version's
 * key or else the previous version's ({@code AWSPREVIOUS}, which Secrets Manager keeps when the secret gets
 * a new value; {@code connection-broker.idempotency.previous-secret} outside AWS), so changing the secret
 * does not make the answers kept before unreadable. A container reads the secret again every hour, and
 * sooner when an answer does not open (it was sealed by a container that read the secret after it changed).
 * However many versions one request reads, together they take no longer than one Secrets Manager call may
 * ({@code connection-broker.secrets-manager.call-timeout}), so the request still ends well within the
 * function's timeout.
 */
@Singleton
public class SecretKeys {
    /** Shorter secrets are refused: the key is only as strong as the secret it comes from. */
    static final int SECRET_MIN_LENGTH = 32;
    /**
     * How long after reading the secret a container may read it again because an answer did not open: long
     * enough that answers which never open (altered) cannot make each request call Secrets Manager.
     */
    static final Duration REREAD_AFTER = Duration.ofMinutes(1);
    /**
     * How long a container seals with the version it read before reading the secret again: answers are kept
     * for 24 hours, so with changes at least 25 hours apart every kept answer's version is still current or
     * previous when it is replayed.
     */
    static final Duration REFRESH_AFTER = Duration.ofHours(1);
    private static final String ANSWERS_LABEL = "connection-broker kept answers v1\n";
    private static final String CURSORS_LABEL = "connection-broker cursors v1\n";
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final String CURRENT = "AWSCURRENT";
    private static final String PREVIOUS = "AWSPREVIOUS";

    private final String configuredSecret;
    private final String configuredPreviousSecret;
    private final String secretArn;
    private final BeanProvider<SecretsManagerClient> secretsManager;
    private final Clock clock;
    private final Duration readBudget;
    private Derived current;
    private Optional<Derived> previous;
    private Instant readAt;

    @Inject
    SecretKeys(@Value("${connection-broker.idempotency.secret:}") String configuredSecret,
                     @Value("${connection-broker.idempotency.previous-secret:}") String configuredPreviousSecret,
                     @Value("${connection-broker.idempotency.secret-arn:}") String secretArn,
                     BeanProvider<SecretsManagerClient> secretsManager, Clock clock,
                     @Value("${connection-broker.secrets-manager.call-timeout:"
                             + SecretsManagerClientSettings.DEFAULT_CALL_TIMEOUT_MILLIS + "ms}") Duration readBudget) {
        this.configuredSecret = configuredSecret;
        this.configuredPreviousSecret = configuredPreviousSecret;
        this.secretArn = secretArn;
        this.secretsManager = secretsManager;
        this.clock = clock;
        this.readBudget = readBudget;
    }

    /** The time one request's reads of the secret may take together, counted from now. */
    Reads reads() {
        return new Reads(System.nanoTime() + readBudget.toNanos());
    }

    /** One request's reads of the secret, and when they must be over. */
    static final class Reads {
        private final long deadlineNanos;

        private Reads(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        private Duration remaining() {
            return Duration.ofNanos(deadlineNanos - System.nanoTime());
        }
    }

    /** The keys one version of the secret gives. */
    record Derived(SecretKeySpec answers, SecretKeySpec cursors) {
        @Override
        public String toString() {
            return "Derived[redacted]";
        }
    }

    /** The answers key of the secret's current version: answers are sealed with it. */
    SecretKeySpec current(Reads reads) {
        return currentKeys(reads).answers();
    }

    /** The answers key of the secret's previous version; empty if the secret never changed. */
    Optional<SecretKeySpec> previous(Reads reads) {
        return previousKeys(reads).map(Derived::answers);
    }

    /** The keys of the secret's current version. */
    synchronized Derived currentKeys(Reads reads) {
        if (current != null && !clock.instant().isBefore(readAt.plus(REFRESH_AFTER))) {
            forget();
        }
        if (current == null) {
            current = derived(read(CURRENT, reads).orElseThrow(() -> new IllegalStateException(
                    "Idempotency-Key needs a secret to encrypt kept answers with: set"
                            + " connection-broker.idempotency.secret-arn (the deployment template does) or, outside"
                            + " AWS, connection-broker.idempotency.secret")));
            readAt = clock.instant();
        }
        return current;
    }

    /** The keys of the secret's previous version, read when first needed; empty if the secret never changed. */
    synchronized Optional<Derived> previousKeys(Reads reads) {
        if (previous == null) {
            previous = read(PREVIOUS, reads).map(SecretKeys::derived);
        }
        return previous;
    }

    /**
     * Forgets the versions read, so that the next use reads the secret again (it may have changed since),
     * unless they were read less than {@link #REREAD_AFTER} ago.
     *
     * @return whether they were forgotten
     */
    synchronized boolean forgetUnlessRecent() {
        if (readAt == null || clock.instant().isBefore(readAt.plus(REREAD_AFTER))) {
            return false;
        }
        forget();
        return true;
    }

    private void forget() {
        current = null;
        previous = null;
        readAt = null;
    }

    private Optional<String> read(String stage, Reads reads) {
        String secret;
        if (!secretArn.isBlank()) {
            Duration remaining = reads.remaining();
            if (remaining.isNegative() || remaining.isZero()) {
                throw unavailable();
            }
            try {
                secret = secretsManager.get().getSecretValue(request -> request.secretId(secretArn).versionStage(stage)
                        .overrideConfiguration(call -> call.apiCallTimeout(remaining))).secretString();
            } catch (ResourceNotFoundException e) {
                // A secret that never changed has no previous version.
                return Optional.empty();
            } catch (SdkException e) {
                throw unavailable();
            }
        } else {
            secret = stage.equals(CURRENT) ? configuredSecret : configuredPreviousSecret;
            if (secret.isBlank()) {
                return Optional.empty();
            }
        }
        if (secret == null || secret.length() < SECRET_MIN_LENGTH) {
            throw new IllegalStateException("the secret for kept answers must have at least " + SECRET_MIN_LENGTH
                    + " characters");
        }
        return Optional.of(secret);
    }

    private static StoreUnavailable unavailable() {
        // Nothing is written without the sealed answer, so the same request may simply come again.
        return new StoreUnavailable("The key that protects answers kept for Idempotency-Key could not be read just"
                + " now; send the request again, with the same Idempotency-Key.", RETRY_AFTER);
    }

    private static Derived derived(String secret) {
        return new Derived(new SecretKeySpec(digest(ANSWERS_LABEL, secret), "AES"),
                new SecretKeySpec(digest(CURSORS_LABEL, secret), "HmacSHA256"));
    }

    private static byte[] digest(String label, String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((label + secret).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SecretKeys[redacted]";
    }
}
