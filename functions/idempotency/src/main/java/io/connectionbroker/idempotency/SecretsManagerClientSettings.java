package io.connectionbroker.idempotency;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * When the Secrets Manager client gives up reading the secret kept answers are encrypted with: the SDK's
 * standard retries, each attempt after {@code connection-broker.secrets-manager.attempt-timeout} (default
 * 500 ms) and the whole read after {@code connection-broker.secrets-manager.call-timeout} (default
 * {@value #DEFAULT_CALL_TIMEOUT_MILLIS} ms). The SDK's own defaults set no limit, so a hung read, once per
 * container, would run into the function's timeout; this way the request answers 503 with Retry-After
 * well within it, its DynamoDB calls included.
 */
@Singleton
public class SecretsManagerClientSettings implements BeanCreatedEventListener<SecretsManagerClientBuilder> {
    public static final long DEFAULT_CALL_TIMEOUT_MILLIS = 1200;

    private final Duration attemptTimeout;
    private final Duration callTimeout;

    SecretsManagerClientSettings(
            @Value("${connection-broker.secrets-manager.attempt-timeout:500ms}") Duration attemptTimeout,
            @Value("${connection-broker.secrets-manager.call-timeout:" + DEFAULT_CALL_TIMEOUT_MILLIS + "ms}")
            Duration callTimeout) {
        this.attemptTimeout = attemptTimeout;
        this.callTimeout = callTimeout;
    }

    @Override
    public SecretsManagerClientBuilder onCreated(BeanCreatedEvent<SecretsManagerClientBuilder> event) {
        SecretsManagerClientBuilder builder = event.getBean();
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                .apiCallAttemptTimeout(attemptTimeout)
                .apiCallTimeout(callTimeout)
                .build());
    }
}
