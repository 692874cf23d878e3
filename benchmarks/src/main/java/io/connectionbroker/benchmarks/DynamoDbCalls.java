package io.connectionbroker.benchmarks;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Counts the DynamoDB calls of the clients it is installed on and the capacity units DynamoDB reports for them,
 * while {@link #count} runs; installed only on the in-process API of {@link OperationCosts}
 * ({@link Installation}), so that the latency parts measure requests exactly as the functions send them.
 */
public final class DynamoDbCalls implements ExecutionInterceptor {
    /** The setting that installs it on a context's DynamoDB client. */
    static final String SETTING = "benchmark.count-dynamodb-calls";
    private static final AtomicBoolean COUNTING = new AtomicBoolean();
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final DoubleAdder READ_UNITS = new DoubleAdder();
    private static final DoubleAdder BILLED_READ_UNITS = new DoubleAdder();
    private static final DoubleAdder WRITE_UNITS = new DoubleAdder();
    private static final DoubleAdder BILLED_WRITE_UNITS = new DoubleAdder();

    /**
     * What one run of an operation cost.
     *
     * @param billedReadUnits  the read units by the service's rules: DynamoDB Local reports a read that finds
     *                         nothing as 0 units, where the service bills a read's minimum (1 unit for a
     *                         consistent read, half for another) for each item asked by key and for each Query,
     *                         found or not
     * @param billedWriteUnits the write units by the service's rules: DynamoDB Local reports a transaction as 4
     *                         units whatever its items, where the service bills 2 for each item of up to 1 KB
     *                         (every item this store writes is smaller)
     */
    record Tally(int calls, double readUnits, double billedReadUnits, double writeUnits, double billedWriteUnits) {
    }

    /** Runs the operation with counting on; nothing else may call DynamoDB meanwhile. */
    static Tally count(Runnable operation) {
        CALLS.set(0);
        READ_UNITS.reset();
        BILLED_READ_UNITS.reset();
        WRITE_UNITS.reset();
        BILLED_WRITE_UNITS.reset();
        COUNTING.set(true);
        try {
            operation.run();
        } finally {
            COUNTING.set(false);
        }
        return new Tally(CALLS.get(), READ_UNITS.sum(), BILLED_READ_UNITS.sum(), WRITE_UNITS.sum(),
                BILLED_WRITE_UNITS.sum());
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!COUNTING.get()) {
            return context.request();
        }
        SdkRequest request = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (request instanceof GetItemRequest get) {
            return get.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof BatchGetItemRequest batch) {
            return batch.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof QueryRequest query) {
            return query.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof PutItemRequest put) {
            return put.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof UpdateItemRequest update) {
            return update.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof DeleteItemRequest delete) {
            return delete.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            return transaction.toBuilder().returnConsumedCapacity(total).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (!COUNTING.get()) {
            return;
        }
        CALLS.incrementAndGet();
        Object response = context.response();
        Object request = context.request();
        if (response instanceof GetItemResponse get) {
            read(Collections.singletonList(get.consumedCapacity()),
                    minimum(((GetItemRequest) request).consistentRead()));
        } else if (response instanceof BatchGetItemResponse batch) {
            read(batch.consumedCapacity(), ((BatchGetItemRequest) request).requestItems().values().stream()
                    .mapToDouble(keys -> keys.keys().size() * minimum(keys.consistentRead())).sum());
        } else if (response instanceof QueryResponse query) {
            read(Collections.singletonList(query.consumedCapacity()),
                    minimum(((QueryRequest) request).consistentRead()));
        } else if (response instanceof PutItemResponse put) {
            write(put.consumedCapacity(), true);
        } else if (response instanceof UpdateItemResponse update) {
            write(update.consumedCapacity(), true);
        } else if (response instanceof DeleteItemResponse delete) {
            write(delete.consumedCapacity(), true);
        } else if (response instanceof TransactWriteItemsResponse transaction) {
            transaction.consumedCapacity().forEach(consumed -> write(consumed, false));
            BILLED_WRITE_UNITS.add(2.0 * ((TransactWriteItemsRequest) context.request()).transactItems().size());
        }
    }

    /** Adds what the read reported, and bills at least {@code minimum} for it. */
    private static void read(List<ConsumedCapacity> consumed, double minimum) {
        double reported = consumed.stream().filter(units -> units != null && units.capacityUnits() != null)
                .mapToDouble(ConsumedCapacity::capacityUnits).sum();
        READ_UNITS.add(reported);
        BILLED_READ_UNITS.add(Math.max(reported, minimum));
    }

    /** A read's least charge: one unit for a consistent read, half for an eventually consistent one. */
    private static double minimum(Boolean consistentRead) {
        return Boolean.TRUE.equals(consistentRead) ? 1.0 : 0.5;
    }

    private static void write(ConsumedCapacity consumed, boolean billedAsReported) {
        if (consumed != null && consumed.capacityUnits() != null) {
            WRITE_UNITS.add(consumed.capacityUnits());
            if (billedAsReported) {
                BILLED_WRITE_UNITS.add(consumed.capacityUnits());
            }
        }
    }

    /** Installs the counter on the context's DynamoDB client, keeping the client's own settings. */
    @jakarta.inject.Singleton
    @io.micronaut.context.annotation.Requires(property = SETTING, value = "true")
    public static class Installation
            implements io.micronaut.context.event.BeanCreatedEventListener<
            software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder> {
        @Override
        public software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder onCreated(
                io.micronaut.context.event.BeanCreatedEvent<software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder>
                        event) {
            var builder = event.getBean();
            return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                    .addExecutionInterceptor(new DynamoDbCalls()).build());
        }
    }
}
