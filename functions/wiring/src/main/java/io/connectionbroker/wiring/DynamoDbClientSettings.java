package io.connectionbroker.wiring;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * How the functions' DynamoDB client retries and when it gives up: the one place these settings live.
 *
 * <ul>
 *   <li>Retries: the AWS SDK's standard strategy, which retries throttling, 5xx answers and network faults
 *       up to {@value #MAX_ATTEMPTS} attempts a call, drawing on a token bucket so that a struggling table
 *       is not hammered by retries. Between attempts it waits with full jitter, exponentially from
 *       {@code connection-broker.dynamodb.backoff} (default 25 ms) after a fault and from
 *       {@code connection-broker.dynamodb.throttling-backoff} (default 100 ms) after throttling, at most
 *       500 ms.</li>
 *   <li>Each attempt gives up after {@code connection-broker.dynamodb.attempt-timeout} (default 500 ms; a
 *       DynamoDB key lookup answers in milliseconds), each call after
 *       {@code connection-broker.dynamodb.call-timeout} (default 1,200 ms) whatever its attempts.</li>
 *   <li>A request's decision makes at most {@value #MAX_CALLS_PER_REQUEST} DynamoDB calls one after another
 *       (the fault tests count them), so it gives up after 8.4 s at worst; a change whose write lost to another
 *       request's decides again only within IdempotentRequests.REDECIDE_WITHIN of its first decision. It answers
 *       503 with Retry-After, not a Lambda timeout, within the functions' 15-second timeout
 *       (infra/template.yaml; a test checks the sum).</li>
 * </ul>
 * Conflicting transactions are retried by the store itself, a few times over milliseconds.
 */
@Singleton
public class DynamoDbClientSettings implements BeanCreatedEventListener<DynamoDbClientBuilder> {
    public static final int MAX_ATTEMPTS = 3;
    /** Recovering keys makes the most: the key lookup, the instance, its keys (two), its feed's head, the write. */
    public static final int MAX_CALLS_PER_REQUEST = 7;
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMillis(1200);

    private static final Duration MAX_BACKOFF = Duration.ofMillis(500);

    private final Duration attemptTimeout;
    private final Duration callTimeout;
    private final Duration backoff;
    private final Duration throttlingBackoff;

    public DynamoDbClientSettings(@Value("${connection-broker.dynamodb.attempt-timeout:500ms}") Duration attemptTimeout,
                                  @Value("${connection-broker.dynamodb.call-timeout:1200ms}") Duration callTimeout,
                                  @Value("${connection-broker.dynamodb.backoff:25ms}") Duration backoff,
                                  @Value("${connection-broker.dynamodb.throttling-backoff:100ms}")
                                  Duration throttlingBackoff) {
        this.attemptTimeout = attemptTimeout;
        this.callTimeout = callTimeout;
        this.backoff = backoff;
        this.throttlingBackoff = throttlingBackoff;
    }

    @Override
    public DynamoDbClientBuilder onCreated(BeanCreatedEvent<DynamoDbClientBuilder> event) {
        DynamoDbClientBuilder builder = event.getBean();
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(MAX_ATTEMPTS)
                        .backoffStrategy(BackoffStrategy.exponentialDelay(backoff, MAX_BACKOFF))
                        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(throttlingBackoff, MAX_BACKOFF))
                        .build())
                .apiCallAttemptTimeout(attemptTimeout)
                .apiCallTimeout(callTimeout)
                .build());
    }
}
