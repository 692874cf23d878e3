package io.connectionbroker.store.dynamodb;

import static io.connectionbroker.store.dynamodb.RecordItems.*;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.IdempotencyKeyTaken;
import io.connectionbroker.domain.IdempotencyRecord;
import io.connectionbroker.domain.refusal.StoreUnavailable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The calls on the one table: consistent reads, and transactions that retry conflicts a few times and tell a
 * failed condition from a taken Idempotency-Key. Every conditional write is a transaction: the SDK sends a
 * retried attempt with the same client request token, so an attempt whose answer was lost is not applied twice
 * and is answered as the success it was. Whatever the caller can only wait out becomes one refusal,
 * {@link StoreUnavailable}.
 */
final class Table {
    private static final int BATCH_GET_ATTEMPTS = 5;

    /** Concurrent transactions on one item may cancel each other; a few quick retries settle who won. */
    private static final int CONFLICT_ATTEMPTS = 5;
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final DynamoDbClient client;
    private final String tableName;

    /** Writes the record unless a live one holds its key; the transaction then fails on this item. */
    TransactWriteItem putIdempotencyRecord(IdempotencyRecord record) {
        Item item = idempotencyItem(record);
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(item.attributes())
                .conditionExpression("attribute_not_exists(#pk) OR #ttl <= :now")
                .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY,
                        "#ttl", ConnectionTable.TTL_ATTRIBUTE))
                .expressionAttributeValues(Map.of(":now",
                        AttributeValue.fromN(Long.toString(record.keptAt().getEpochSecond()))))
                .build()).build();
    }

    /** Reads items in one consistent batch, retrying the keys DynamoDB leaves unprocessed; missing ones are left out. */
    List<Item> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Item> found = new java.util.ArrayList<>();
        if (keys.isEmpty()) {
            return found;
        }
        Map<String, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes> request = Map.of(tableName,
                software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int attempt = 1; !request.isEmpty(); attempt++) {
            if (attempt > BATCH_GET_ATTEMPTS) {
                throw new StoreUnavailable("The database is busy right now. Send the same request again.", RETRY_AFTER);
            }
            var pending = request;
            var response = available(() -> client.batchGetItem(r -> r.requestItems(pending)));
            response.responses().getOrDefault(tableName, List.of()).stream().map(Item::of).forEach(found::add);
            request = response.unprocessedKeys();
            if (!request.isEmpty()) {
                pause(attempt);
            }
        }
        return found;
    }

    TransactWriteItem put(Item item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item.attributes()).build())
                .build();
    }

    /** A changed connection's put, which applies only over the version the change was decided from. */
    TransactWriteItem putOver(Connection changed) {
        ConnectionVersion read = ConnectionVersion.of(changed.decidedFrom());
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(connectionItem(changed).attributes())
                .conditionExpression(read.condition())
                .expressionAttributeNames(read.names())
                .expressionAttributeValues(read.values())
                .build()).build();
    }

    /** A URL claim, written where no instance holds the URL, or where one held it formerly. */
    TransactWriteItem putClaim(Item claim) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(claim.attributes())
                .conditionExpression("attribute_not_exists(#pk) OR #former = :true")
                .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY, "#former", FORMER))
                .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true)))
                .build()).build();
    }

    /** Deletes the item on condition that it is there: the transaction fails when it is gone. */
    TransactWriteItem deleteExisting(Item key) {
        return TransactWriteItem.builder().delete(Delete.builder()
                .tableName(tableName)
                .key(key.attributes())
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY))
                .build()).build();
    }

    TransactWriteItem deleteItem(Item key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(tableName).key(key.attributes()).build())
                .build();
    }

    /**
     * Runs one transaction, with the request's idempotency record (if any) as its last item.
     *
     * @return false when a condition failed (nothing was written); true when everything was written
     * @throws IdempotencyKeyTaken when a live record holds the record's key (nothing was written)
     */
    boolean transact(List<TransactWriteItem> effect, IdempotencyRecord kept) {
        return attempt(effect, kept, CONFLICT_ATTEMPTS) == null;
    }

    /**
     * Runs one transaction, with the request's idempotency record (if any) as its last item, trying
     * {@code conflictAttempts} times at most while it conflicts with other transactions.
     *
     * @return null when everything was written; otherwise, nothing being written, the cancellation reason of
     *         each item of {@code effect} in order (code {@code None} for those whose condition held): after a
     *         failed condition, or after the last conflict when {@code conflictAttempts} is below the usual
     *         (for a caller that settles conflicts itself)
     * @throws IdempotencyKeyTaken when a live record holds the record's key (nothing was written)
     */
    List<CancellationReason> attempt(List<TransactWriteItem> effect, IdempotencyRecord kept, int conflictAttempts) {
        List<TransactWriteItem> writes = new java.util.ArrayList<>(effect);
        if (kept != null) {
            writes.add(putIdempotencyRecord(kept));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                available(() -> client.transactWriteItems(request -> request.transactItems(writes)));
                return null;
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> given = cancelled.cancellationReasons();
                List<String> reasons = given.stream().map(CancellationReason::code).toList();
                if (kept != null && reasons.size() == writes.size()
                        && "ConditionalCheckFailed".equals(reasons.get(reasons.size() - 1))) {
                    throw new IdempotencyKeyTaken();
                }
                if (reasons.contains("ConditionalCheckFailed")) {
                    return given.subList(0, Math.min(given.size(), effect.size()));
                }
                boolean contended = reasons.contains("TransactionConflict");
                if (!contended && !reasons.contains("ThrottlingError") && !reasons.contains("ProvisionedThroughputExceeded")) {
                    throw cancelled;
                }
                if (attempt >= conflictAttempts) {
                    if (contended && conflictAttempts < CONFLICT_ATTEMPTS) {
                        return given.subList(0, Math.min(given.size(), effect.size()));
                    }
                    throw busy();
                }
                pause(attempt);
            }
        }
    }

    static StoreUnavailable busy() {
        return new StoreUnavailable("The records this request changes are busy with other requests."
                + " Send the same request again.", RETRY_AFTER);
    }

    Optional<Item> get(String partitionKey, String sortKey) {
        return get(Item.keyed(partitionKey, sortKey));
    }

    Optional<Item> get(Item key) {
        GetItemResponse response = available(() ->
                client.getItem(request -> request.tableName(tableName).key(key.attributes()).consistentRead(true)));
        return response.hasItem() ? Optional.of(Item.of(response.item())) : Optional.empty();
    }

    /** Turns what the caller can only wait out (throttling, a service fault, a network failure) into one refusal. */
    static <T> T available(Supplier<T> call) {
        try {
            return call.get();
        } catch (TransactionCanceledException | ConditionalCheckFailedException conditionOrConflict) {
            throw conditionOrConflict;
        } catch (DynamoDbException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new StoreUnavailable("The database is busy right now. Send the same request again.", RETRY_AFTER);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new StoreUnavailable("The database could not be reached. Send the same request again.", RETRY_AFTER);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("The request was interrupted. Send the same request again.", RETRY_AFTER);
        }
    }

    TransactWriteItem putNew(Item item) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(item.attributes())
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY))
                .build()).build();
    }

    Table(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    DynamoDbClient client() {
        return client;
    }

    String name() {
        return tableName;
    }
}
