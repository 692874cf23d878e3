package io.connectionbroker.testing.function;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Records, for every DynamoDB request a function makes, the IAM permission it needs and on what:
 * {@code dynamodb:GetItem table}, {@code dynamodb:Query index/byInstance}. A transaction needs the
 * permission of each of its parts (there is no TransactWriteItems permission). The infra module checks
 * the template's policy of each function against what its tests recorded.
 */
public final class DynamoDbActionRecorder implements ExecutionInterceptor {
    /** Where a module's function tests leave what they recorded, relative to the module. */
    public static final Path RECORD = Path.of("target", "dynamodb-actions.txt");

    private final Set<String> actions = new ConcurrentSkipListSet<>();
    /** Set on a thread while it runs a request through the handler: only the function's own calls count. */
    private final ThreadLocal<Boolean> inHandler = ThreadLocal.withInitial(() -> false);

    /** Runs one request through the handler, recording the DynamoDB calls it makes. */
    <T> T during(java.util.function.Supplier<T> request) {
        inHandler.set(true);
        try {
            return request.get();
        } finally {
            inHandler.remove();
        }
    }

    private final java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        sent.incrementAndGet();
    }

    /** Whether this thread is running a request through the handler, so a call is the function's own. */
    boolean inHandler() {
        return inHandler.get();
    }

    int sent() {
        return sent.get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!inHandler.get()) {
            return;
        }
        SdkRequest request = context.request();
        if (request instanceof TransactWriteItemsRequest transaction) {
            transaction.transactItems().forEach(item -> actions.add(writeAction(item) + " table"));
        } else if (request instanceof TransactGetItemsRequest) {
            actions.add("dynamodb:GetItem table");
        } else if (request instanceof QueryRequest query && query.indexName() != null) {
            actions.add("dynamodb:Query index/" + query.indexName());
        } else if (request instanceof GetItemRequest) {
            actions.add("dynamodb:GetItem table");
        } else {
            actions.add("dynamodb:" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " table");
        }
    }

    private static String writeAction(TransactWriteItem item) {
        if (item.put() != null) {
            return "dynamodb:PutItem";
        }
        if (item.update() != null) {
            return "dynamodb:UpdateItem";
        }
        if (item.delete() != null) {
            return "dynamodb:DeleteItem";
        }
        return "dynamodb:ConditionCheckItem";
    }

    /** Adds what was recorded to the module's record, which several test classes share. */
    void save() {
        try {
            Files.createDirectories(RECORD.getParent());
            Set<String> all = new TreeSet<>(actions);
            if (Files.exists(RECORD)) {
                all.addAll(Files.readAllLines(RECORD));
            }
            Files.write(RECORD, all, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
