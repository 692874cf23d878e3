package io.connectionbroker.testing.function;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Makes the function's DynamoDB client fail its Nth call, through the AWS SDK's own interceptor
 * mechanism: the code under test sees exactly what the SDK would give it. The fault strikes every attempt
 * of that call (so the SDK's retries run out) before the request leaves, except a transaction conflict,
 * which strikes once, as a real conflict would, and a lost answer, which strikes after DynamoDB answered.
 */
public final class DynamoDbFaults implements ExecutionInterceptor {
    /** What can go wrong with one DynamoDB call. */
    public enum Fault {
        PROVISIONED_THROUGHPUT_EXCEEDED, THROTTLING, SERVER_ERROR, TIMEOUT, TRANSACTION_CONFLICT,
        /**
         * The call reaches DynamoDB, which applies it, and its answer is lost on the way back (a connection
         * reset): the caller cannot know that it took effect.
         */
        ANSWER_LOST,
        /**
         * The call reaches DynamoDB, which applies it, and the answer of that attempt is lost (it timed out on
         * the way back); the SDK sends the same request again, and that attempt goes through. A conditional
         * write then finds its own change already made.
         */
        ANSWER_LOST_THEN_RETRIED;

        /** Whether the call never reaches DynamoDB, so that nothing of it can take effect. */
        public boolean beforeTransmission() {
            return this != ANSWER_LOST && this != ANSWER_LOST_THEN_RETRIED;
        }
    }

    private static final ExecutionAttribute<Fault> STRUCK = new ExecutionAttribute<>("connection-broker.fault");

    private final AtomicInteger calls = new AtomicInteger();
    /** Only the function's own calls count, not those a test makes to arrange or read the table. */
    private final java.util.function.BooleanSupplier inHandler;
    private volatile int target;
    private volatile Fault fault;
    private volatile Duration hang = Duration.ofSeconds(5);

    /** From now on, counting from 1, the {@code n}th call fails with {@code fault}. */
    public void arm(int n, Fault fault) {
        calls.set(0);
        this.target = n;
        this.fault = fault;
    }

    public void disarm() {
        fault = null;
        calls.set(0);
    }

    /** How long a TIMEOUT call hangs before it would answer: longer than the client waits. */
    public void hangFor(Duration hang) {
        this.hang = hang;
    }

    /** @param inHandler whether the calling thread is running a request through the function's handler */
    DynamoDbFaults(java.util.function.BooleanSupplier inHandler) {
        this.inHandler = inHandler;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Fault armed = fault;
        if (!inHandler.getAsBoolean()) {
            return;
        }
        if (calls.incrementAndGet() == target && armed != null) {
            if (armed != Fault.TRANSACTION_CONFLICT || context.request() instanceof TransactWriteItemsRequest) {
                attributes.putAttribute(STRUCK, armed);
            }
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Fault struck = attributes.getAttribute(STRUCK);
        if (struck != null && !struck.beforeTransmission()) {
            if (struck == Fault.ANSWER_LOST_THEN_RETRIED) {
                // Only this attempt's answer is lost: the SDK's retry goes through.
                attributes.putAttribute(STRUCK, null);
            }
            // A reset connection is gone with its answer: closed here, or the HTTP client's pool would keep it
            // leased and run dry after enough lost answers.
            context.responseBody().ifPresent(body -> {
                try {
                    body.close();
                } catch (java.io.IOException alreadyGone) {
                    // nothing left to release
                }
            });
            throw software.amazon.awssdk.core.exception.SdkClientException.create("the answer was lost on the way back",
                    new java.io.IOException("Connection reset"));
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Fault struck = attributes.getAttribute(STRUCK);
        if (struck == null || !struck.beforeTransmission()) {
            return;
        }
        switch (struck) {
            case PROVISIONED_THROUGHPUT_EXCEEDED -> throw (ProvisionedThroughputExceededException)
                    ProvisionedThroughputExceededException.builder().statusCode(400)
                            .awsErrorDetails(details("ProvisionedThroughputExceededException", 400)).build();
            case THROTTLING -> throw DynamoDbException.builder().statusCode(400)
                    .awsErrorDetails(details("ThrottlingException", 400)).build();
            case SERVER_ERROR -> throw DynamoDbException.builder().statusCode(500)
                    .awsErrorDetails(details("InternalServerError", 500)).build();
            case TIMEOUT -> {
                try {
                    Thread.sleep(hang.toMillis());
                } catch (InterruptedException interrupted) {
                    // The client's timeout ended the wait, as it aborts a hanging connection: nothing was sent.
                    Thread.currentThread().interrupt();
                }
                throw software.amazon.awssdk.core.exception.SdkClientException.create("the call hung and was aborted");
            }
            case TRANSACTION_CONFLICT -> {
                attributes.putAttribute(STRUCK, null);
                throw TransactionCanceledException.builder().statusCode(400)
                        .awsErrorDetails(details("TransactionCanceledException", 400))
                        .cancellationReasons(CancellationReason.builder().code("TransactionConflict").build())
                        .build();
            }
            default -> throw new IllegalStateException("no such fault: " + struck);
        }
    }

    /** How many calls the function made since the last {@link #arm}, {@link #disarm} or {@link #count()}. */
    public int count() {
        return calls.getAndSet(0);
    }

    private static AwsErrorDetails details(String code, int status) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage("injected by the test: " + code)
                .serviceName("DynamoDb").sdkHttpResponse(
                        software.amazon.awssdk.http.SdkHttpResponse.builder().statusCode(status).build()).build();
    }
}
