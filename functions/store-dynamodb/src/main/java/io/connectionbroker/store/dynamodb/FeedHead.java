package io.connectionbroker.store.dynamodb;

import static io.connectionbroker.store.dynamodb.RecordItems.INSTANCE;

import io.connectionbroker.domain.refusal.StoreUnavailable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A feed's head item ({@code FEED}, after the feed's events in its partition) as read: the feed's last position,
 * and when the next of the instance's listed invitations lapses at the earliest, so that a read of the feed asks
 * for lapsed invitations only when one may have lapsed.
 * <p>
 * {@code nextDue} is never later than any invitation listed (the lapse of none is missed), but may be earlier
 * (one answered or deleted meanwhile): a listing lowers it in the listing's own transaction, and a read that
 * found nothing lapsed moves it later only on condition that nothing was listed since it read the head
 * ({@code listings} counts them). A head without {@code nextDue} (written by a version before this attribute, or
 * made unknown by a listing under such a head) tells nothing, and the read asks.
 *
 * @param exists   whether the item exists (not before the feed's first event or listed invitation)
 * @param last     the feed's last position, 0 before its first event
 * @param nextDue  epoch milliseconds no later than any listed invitation's lapse, {@link #NONE_LISTED} when
 *                 none is listed, or null when not known
 * @param listings how many invitations were ever listed under the head, or null when not counted
 */
record FeedHead(boolean exists, long last, Long nextDue, Long listings) {
    static final String FEED = "FEED";
    static final String LAST = "last";
    static final String NEXT_DUE = "nextDue";
    static final String LISTINGS = "listings";
    /** The nextDue of a feed with no invitation listed. */
    static final long NONE_LISTED = Long.MAX_VALUE;
    static final FeedHead NOT_YET = new FeedHead(false, 0, null, null);

    static FeedHead of(Item item) {
        return new FeedHead(true, Long.parseLong(item.attributes().get(LAST).n()), number(item, NEXT_DUE),
                number(item, LISTINGS));
    }

    static Item key(String instanceId) {
        return Item.keyed(INSTANCE + "#" + instanceId, FEED);
    }

    /** Whether an invitation listed under this head may have lapsed by now. */
    boolean lapseMayBeDue(Instant now) {
        return nextDue == null || nextDue <= now.toEpochMilli();
    }

    /**
     * Moves the head to {@code next}, on condition that it is still as read; when the same transaction lists an
     * invitation under this head ({@code listedDue} not null), also counts it and lowers {@code nextDue} to its lapse.
     * A new head starts knowing what is listed under it: that invitation, or none.
     */
    TransactWriteItem move(Table table, String instanceId, long next, Instant listedDue) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":last", number(next)));
        Map<String, String> names = new HashMap<>(Map.of("#last", LAST));
        String condition;
        if (exists) {
            condition = "#last = :read";
            values.put(":read", number(last));
        } else {
            condition = "attribute_not_exists(#pk)";
            names.put("#pk", ConnectionTable.PARTITION_KEY);
        }
        String update = "SET #last = :last";
        if (!exists) {
            // A new head: nothing was listed under it before (every listing writes the head), so it knows.
            names.put("#nextDue", NEXT_DUE);
            names.put("#listings", LISTINGS);
            values.put(":due", number(listedDue == null ? NONE_LISTED : listedDue.toEpochMilli()));
            values.put(":listings", number(listedDue == null ? 0 : 1));
            update += ", #nextDue = :due, #listings = :listings";
        } else if (listedDue != null) {
            names.put("#nextDue", NEXT_DUE);
            names.put("#listings", LISTINGS);
            values.put(":one", number(1));
            if (nextDue != null) {
                // Should a read have moved nextDue later since this head was read, the read value is still no
                // later than any invitation listed before: the lower of the two stays a bound.
                values.put(":due", number(Math.min(nextDue, listedDue.toEpochMilli())));
                update += ", #nextDue = :due ADD #listings :one";
            } else {
                // Not known, and must stay so even if a read settles it before this commits.
                update += " REMOVE #nextDue ADD #listings :one";
            }
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(key(instanceId).attributes())
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    /**
     * Records when the next listed invitation lapses, as a read that found none lapsed learned it, on condition
     * that no invitation was listed since this head was read; otherwise, or when the database is busy, leaves the
     * head as it is.
     *
     * @param due epoch milliseconds of the next lapse, or {@link #NONE_LISTED}
     */
    void settle(Table table, String instanceId, long due) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", ConnectionTable.PARTITION_KEY,
                "#nextDue", NEXT_DUE, "#listings", LISTINGS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":due", number(due)));
        String condition = "attribute_exists(#pk) AND ";
        if (listings == null) {
            condition += "attribute_not_exists(#listings)";
        } else {
            condition += "#listings = :listings";
            values.put(":listings", number(listings));
        }
        String settled = condition;
        try {
            Table.available(() -> table.client().updateItem(request -> request.tableName(table.name())
                    .key(key(instanceId).attributes())
                    .updateExpression("SET #nextDue = :due")
                    .conditionExpression(settled)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)));
        } catch (ConditionalCheckFailedException | StoreUnavailable listedMeanwhileOrNotNow) {
            // The head stays as it was, still a bound: the next read asks again. The read itself succeeded.
        }
    }

    private static Long number(Item item, String name) {
        AttributeValue value = item.attributes().get(name);
        return value == null || value.n() == null ? null : Long.valueOf(value.n());
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
