package io.connectionbroker.store.dynamodb;

import static io.connectionbroker.store.dynamodb.RecordItems.*;

import io.connectionbroker.domain.Actor;
import io.connectionbroker.domain.ConnectionStore.FeedEntry;
import io.connectionbroker.domain.Event;
import io.connectionbroker.domain.EventType;
import io.connectionbroker.domain.IdempotencyRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Each instance's feed, under its own partition: a head item holding the last position ({@link FeedHead}) and
 * one item per event ({@code EVENT#<position>}). A change appends its events in its own transaction, on condition
 * that each head is still where it was read: of two changes appending to one feed at once, one is written
 * and the other reads the head again, so positions have neither gaps nor repeats and a reader that has seen
 * position n has seen everything before it.
 */
final class EventFeeds {
    static final String EVENT = "EVENT";
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
        return transact(effect, events, kept, null);
    }

    /**
     * As {@link #transact(List, List, IdempotencyRecord)}, with an invitation listed by when it lapses, in the same
     * write as its initiator's head learning of it.
     */
    boolean transact(List<TransactWriteItem> changes, List<Event> events, IdempotencyRecord kept,
                     InvitationLapses.Listing listing) {
        List<TransactWriteItem> effect = listing == null ? changes
                : Stream.concat(changes.stream(), Stream.of(listing.write())).toList();
        if (events.isEmpty() && listing == null) {
            return table.transact(effect, kept);
        }
        List<String> feeds = Stream.concat(events.stream().flatMap(event -> event.feeds().stream()),
                Stream.ofNullable(listing).map(InvitationLapses.Listing::instanceId)).distinct().toList();
        long deadline = System.nanoTime() + appendWithin.toNanos();
        Map<String, FeedHead> heads = heads(feeds);
        for (int attempt = 1; ; attempt++) {
            List<TransactWriteItem> writes = new ArrayList<>(effect);
            writes.addAll(appends(events, heads, listing));
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
    private Map<String, FeedHead> movedHeads(Map<String, FeedHead> heads, List<CancellationReason> headReasons) {
        Map<String, FeedHead> moved = new LinkedHashMap<>(heads);
        int i = 0;
        for (String feed : heads.keySet()) {
            CancellationReason reason = headReasons.get(i++);
            if (conditionFailed(reason)) {
                if (!reason.hasItem() || reason.item().get(FeedHead.LAST) == null) {
                    return heads(List.copyOf(heads.keySet()));
                }
                moved.put(feed, FeedHead.of(Item.of(reason.item())));
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

    /** Each feed's head as it is now ({@link FeedHead#NOT_YET} for a feed without one). */
    private Map<String, FeedHead> heads(List<String> feeds) {
        Map<String, FeedHead> heads = new LinkedHashMap<>();
        feeds.forEach(feed -> heads.put(feed, FeedHead.NOT_YET));
        for (Item head : table.batchGet(feeds.stream().map(feed -> FeedHead.key(feed).attributes()).toList())) {
            heads.put(head.string(ConnectionTable.PARTITION_KEY).substring(INSTANCE.length() + 1), FeedHead.of(head));
        }
        return heads;
    }

    /** The events' items and one move of each head, in the heads' order (the last writes). */
    private List<TransactWriteItem> appends(List<Event> events, Map<String, FeedHead> heads,
                                            InvitationLapses.Listing listing) {
        Map<String, Long> next = new LinkedHashMap<>();
        heads.forEach((feed, head) -> next.put(feed, head.last()));
        List<TransactWriteItem> writes = new ArrayList<>();
        for (Event event : events) {
            for (String feed : event.feeds()) {
                long position = next.merge(feed, 1L, Long::sum);
                writes.add(table.put(eventItem(feed, position, event)));
            }
        }
        heads.forEach((feed, head) -> writes.add(head.move(table, feed, next.get(feed),
                listing != null && listing.instanceId().equals(feed) ? listing.expiresAt() : null)));
        return writes;
    }

    List<FeedEntry> findEvents(String instanceId, long after, int limit) {
        return range(instanceId, eventSortKey(after + 1), eventSortKey(Long.MAX_VALUE), limit).stream()
                .map(EventFeeds::entry).toList();
    }

    /**
     * The events after {@code after}, at most {@code limit}, and the head when the same read reached it (it sorts
     * after the events): one consistent Query.
     *
     * @param head null when the read did not reach it: more events follow the page, or the feed has no head yet
     */
    record Page(List<FeedEntry> entries, FeedHead head) {
    }

    Page page(String instanceId, long after, int limit) {
        List<Item> items = range(instanceId, eventSortKey(after + 1), FeedHead.FEED, limit + 1);
        List<FeedEntry> entries = items.stream().filter(item -> !FeedHead.FEED.equals(
                item.string(ConnectionTable.SORT_KEY))).limit(limit).map(EventFeeds::entry).toList();
        Item last = items.isEmpty() ? null : items.get(items.size() - 1);
        boolean reached = last != null && FeedHead.FEED.equals(last.string(ConnectionTable.SORT_KEY));
        return new Page(entries, reached ? FeedHead.of(last) : null);
    }

    /** The items of the instance's partition whose sort keys lie between the two, in order: one consistent Query. */
    List<Item> range(String instanceId, String from, String to, int limit) {
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

    // Items.

    private static String eventSortKey(long position) {
        return EVENT + "#" + String.format("%019d", position);
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
