package io.connectionbroker.store.dynamodb;

import static io.connectionbroker.store.dynamodb.RecordItems.*;

import io.connectionbroker.domain.Actor;
import io.connectionbroker.domain.ConnectionStatus;
import io.connectionbroker.domain.ConnectionStore.FeedEntry;
import io.connectionbroker.domain.ConnectionStore.LapsedInvitation;
import io.connectionbroker.domain.Event;
import io.connectionbroker.domain.EventType;
import io.connectionbroker.domain.IdempotencyRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Each instance's feed, under its own partition: a head item holding the last position ({@code FEED}) and one
 * item per event ({@code EVENT#<position>}). A change appends its events in its own transaction, on condition
 * that each head is still where it was read: of two changes appending to one feed at once, one is written
 * and the other reads the head again, so positions have neither gaps nor repeats and a reader that has seen
 * position n has seen everything before it.
 * <p>
 * Invitations are listed by when they lapse ({@code DUE#<expiresAt>#<invitationId>}, under the initiator's
 * partition), so that reading a feed finds the lapsed ones with a key range, never a scan.
 */
final class EventFeeds {
    static final String FEED = "FEED";
    static final String EVENT = "EVENT";
    static final String DUE = "DUE";
    private static final String LAST = "last";
    private static final String OCCURRED_AT = "occurredAt";
    private static final String ACTOR_INSTANCE_ID = "actorInstanceId";
    private static final String ACTOR_KEY_ID = "actorKeyId";
    private static final String DATA = "data";

    private final Table table;
    private final java.time.Duration appendWithin;

    EventFeeds(Table table, java.time.Duration appendWithin) {
        this.table = table;
        this.appendWithin = appendWithin;
    }

    /**
     * Writes the effect with its events appended to their feeds, all or nothing.
     *
     * @return false, writing nothing, when a condition of the effect failed
     */
    boolean transact(List<TransactWriteItem> effect, List<Event> events, IdempotencyRecord kept) {
        if (events.isEmpty()) {
            return table.transact(effect, kept);
        }
        List<String> feeds = events.stream().flatMap(event -> event.feeds().stream()).distinct().toList();
        long deadline = System.nanoTime() + appendWithin.toNanos();
        Map<String, Long> heads = heads(feeds);
        for (int attempt = 1; ; attempt++) {
            List<TransactWriteItem> writes = new ArrayList<>(effect);
            writes.addAll(appends(events, heads));
            // A conflict here is almost always another append to the same head: learn where it is now rather
            // than retrying the same positions.
            List<CancellationReason> reasons = table.attempt(writes, kept, 1);
            if (reasons == null) {
                return true;
            }
            if (reasons.stream().limit(effect.size()).anyMatch(EventFeeds::conditionFailed)) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                throw Table.busy();
            }
            // One reason per item, the heads' last; anything else says nothing of where the heads are.
            heads = reasons.size() == writes.size()
                    ? movedHeads(heads, reasons.subList(writes.size() - heads.size(), writes.size())) : heads(feeds);
            backOff(attempt);
        }
    }

    /**
     * The heads after a lost append: a head whose condition failed says where it is now (the update asks for
     * its old value); when one is not known that way (a conflict), all are read again.
     */
    private Map<String, Long> movedHeads(Map<String, Long> heads, List<CancellationReason> headReasons) {
        Map<String, Long> moved = new LinkedHashMap<>(heads);
        int i = 0;
        for (String feed : heads.keySet()) {
            CancellationReason reason = headReasons.get(i++);
            if (conditionFailed(reason)) {
                if (!reason.hasItem() || reason.item().get(LAST) == null) {
                    return heads(List.copyOf(heads.keySet()));
                }
                moved.put(feed, Long.parseLong(reason.item().get(LAST).n()));
            } else if (!"None".equals(reason.code())) {
                return heads(List.copyOf(heads.keySet()));
            }
        }
        return moved;
    }

    /**
     * Full jitter, growing to 250 ms: the changes that lost spread out instead of all trying again at once, so
     * each round wastes few attempts (AWS's advice for contended writes).
     */
    private static void backOff(int attempt) {
        try {
            long ceiling = Math.min(250, 8L << Math.min(attempt, 5));
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, ceiling));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Table.busy();
        }
    }

    private static boolean conditionFailed(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    /** Each feed's last position, 0 for a feed with no events yet. */
    private Map<String, Long> heads(List<String> feeds) {
        Map<String, Long> heads = new LinkedHashMap<>();
        feeds.forEach(feed -> heads.put(feed, 0L));
        for (Item head : table.batchGet(feeds.stream().map(feed -> headKey(feed).attributes()).toList())) {
            heads.put(head.string(ConnectionTable.PARTITION_KEY).substring(INSTANCE.length() + 1),
                    Long.parseLong(head.attributes().get(LAST).n()));
        }
        return heads;
    }

    private List<TransactWriteItem> appends(List<Event> events, Map<String, Long> heads) {
        Map<String, Long> next = new LinkedHashMap<>(heads);
        List<TransactWriteItem> writes = new ArrayList<>();
        for (Event event : events) {
            for (String feed : event.feeds()) {
                long position = next.merge(feed, 1L, Long::sum);
                writes.add(table.put(eventItem(feed, position, event)));
            }
        }
        next.forEach((feed, last) -> writes.add(moveHead(feed, heads.get(feed), last)));
        return writes;
    }

    private TransactWriteItem moveHead(String feed, long read, long last) {
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":last", number(last)));
        Map<String, String> names = new java.util.HashMap<>(Map.of("#last", LAST));
        String condition;
        if (read == 0) {
            condition = "attribute_not_exists(#pk)";
            names.put("#pk", ConnectionTable.PARTITION_KEY);
        } else {
            condition = "#last = :read";
            values.put(":read", number(read));
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(headKey(feed).attributes())
                .updateExpression("SET #last = :last")
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    List<FeedEntry> findEvents(String instanceId, long after, int limit) {
        return range(instanceId, eventSortKey(after + 1), eventSortKey(Long.MAX_VALUE), limit).stream()
                .map(EventFeeds::entry).toList();
    }

    /** The items of the instance's partition whose sort keys lie between the two, in order: one consistent Query. */
    private List<Item> range(String instanceId, String from, String to, int limit) {
        return Table.available(() -> table.client().query(query -> query.tableName(table.name())
                        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                        .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY,
                                "#sk", ConnectionTable.SORT_KEY))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(INSTANCE + "#" + instanceId),
                                ":from", AttributeValue.fromS(from), ":to", AttributeValue.fromS(to)))
                        .consistentRead(true)
                        .limit(limit)))
                .items().stream().map(Item::of).toList();
    }

    // Invitations listed by when they lapse.

    /** Lists a new invitation under its initiator, by when it lapses. */
    TransactWriteItem listDue(String instanceId, String connectionId, String invitationId, Instant expiresAt) {
        return table.put(Item.keyed(INSTANCE + "#" + instanceId, dueSortKey(expiresAt, invitationId))
                .with(ENTITY, DUE).with(CONNECTION_ID, connectionId).with(INVITATION_ID, invitationId)
                .with(EXPIRES_AT, expiresAt).withNumber(ConnectionTable.TTL_ATTRIBUTE,
                        expiresAt.plus(Event.RETENTION).getEpochSecond()));
    }

    TransactWriteItem strikeOff(String instanceId, String invitationId, Instant expiresAt) {
        return table.deleteItem(Item.keyed(INSTANCE + "#" + instanceId, dueSortKey(expiresAt, invitationId)));
    }

    List<LapsedInvitation> findLapsed(String instanceId, Instant now, int limit) {
        // Up to now: every id sorts after the '#' that ends the time, and before '$'.
        return range(instanceId, DUE + "#", DUE + "#" + SORTABLE_INSTANT.format(now) + "$", limit).stream()
                .map(due -> new LapsedInvitation(instanceId, due.string(CONNECTION_ID), due.string(INVITATION_ID),
                        due.instant(EXPIRES_AT))).toList();
    }

    /**
     * Reports the lapse on condition that the connection is still pending on this very invitation, and records
     * it on the connection as a new version: an answer decided before the lapse then writes nothing.
     */
    boolean reportLapse(LapsedInvitation lapsed, Event event) {
        TransactWriteItem due = table.deleteExisting(Item.keyed(INSTANCE + "#" + lapsed.instanceId(),
                dueSortKey(lapsed.expiresAt(), lapsed.invitationId())));
        TransactWriteItem connection = TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(connectionLocation(lapsed.connectionId()).attributes())
                .updateExpression("ADD #version :one")
                .conditionExpression("#status = :pending AND #invitationId = :invitation")
                .expressionAttributeNames(Map.of("#version", VERSION, "#status", STATUS,
                        "#invitationId", INVITATION_ID))
                .expressionAttributeValues(Map.of(":one", number(1),
                        ":pending", AttributeValue.fromS(ConnectionStatus.PENDING.name()),
                        ":invitation", AttributeValue.fromS(lapsed.invitationId())))
                .build()).build();
        if (transact(List.of(due, connection), List.of(event), null)) {
            return true;
        }
        // Answered, replaced or deleted meanwhile (or reported by another read): nothing to report.
        table.transact(List.of(strikeOff(lapsed.instanceId(), lapsed.invitationId(), lapsed.expiresAt())), null);
        return false;
    }

    // Items.

    private static Item headKey(String instanceId) {
        return Item.keyed(INSTANCE + "#" + instanceId, FEED);
    }

    private static String eventSortKey(long position) {
        return EVENT + "#" + String.format("%019d", position);
    }

    private static String dueSortKey(Instant expiresAt, String invitationId) {
        return DUE + "#" + SORTABLE_INSTANT.format(expiresAt) + "#" + invitationId;
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static Item eventItem(String feed, long position, Event event) {
        Item item = Item.keyed(INSTANCE + "#" + feed, eventSortKey(position))
                .with(ENTITY, EVENT).with(ID, event.id()).with(TYPE, event.type().type())
                .with(OCCURRED_AT, event.occurredAt()).with(CONNECTION_ID, event.connectionId())
                .withNumber(ConnectionTable.TTL_ATTRIBUTE, event.occurredAt().plus(Event.RETENTION).getEpochSecond());
        if (event.actor() != null) {
            item.with(ACTOR_INSTANCE_ID, event.actor().instanceId()).with(ACTOR_KEY_ID, event.actor().keyId());
        }
        Map<String, AttributeValue> data = new LinkedHashMap<>();
        event.data().forEach((name, value) -> data.put(name, value == null ? AttributeValue.fromNul(true)
                : value instanceof Boolean flag ? AttributeValue.fromBool(flag)
                : value instanceof Number count ? AttributeValue.fromN(count.toString())
                : AttributeValue.fromS(value.toString())));
        item.attributes().put(DATA, AttributeValue.fromM(data));
        return item;
    }

    private static FeedEntry entry(Item item) {
        String sortKey = item.string(ConnectionTable.SORT_KEY);
        long position = Long.parseLong(sortKey.substring(EVENT.length() + 1));
        Map<String, Object> data = new LinkedHashMap<>();
        item.attributes().get(DATA).m().forEach((name, value) -> data.put(name, Boolean.TRUE.equals(value.nul()) ? null
                : value.bool() != null ? value.bool() : value.n() != null ? Long.valueOf(value.n()) : value.s()));
        String actorInstance = item.string(ACTOR_INSTANCE_ID);
        Actor actor = actorInstance == null ? null : new Actor(actorInstance, item.string(ACTOR_KEY_ID));
        String feed = item.string(ConnectionTable.PARTITION_KEY).substring(INSTANCE.length() + 1);
        return new FeedEntry(position, new Event(item.string(ID), EventType.named(item.string(TYPE)).orElseThrow(),
                item.instant(OCCURRED_AT), item.string(CONNECTION_ID), actor, data, List.of(feed)));
    }
}
