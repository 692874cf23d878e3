package io.connectionbroker.store.dynamodb;

import static io.connectionbroker.store.dynamodb.RecordItems.*;

import io.connectionbroker.domain.Event;
import io.connectionbroker.domain.HeldKey;
import io.connectionbroker.domain.IdempotencyRecord;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.InstanceKey;
import io.connectionbroker.domain.InstanceUrl;
import io.connectionbroker.domain.License;
import io.connectionbroker.domain.refusal.StoreUnavailable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Instances, their URL claims and their API keys, on the one table: the instance half of the store. */
final class InstanceRecords {
    /** Tries of a change that copies the instance into its keys, when the instance or its keys change meanwhile. */
    private static final int CHANGED_ATTEMPTS = 3;

    private final Table table;
    private final EventFeeds feeds;

    InstanceRecords(Table table, EventFeeds feeds) {
        this.table = table;
        this.feeds = feeds;
    }

    boolean registerInstance(Instance instance, InstanceKey key, List<Event> events, IdempotencyRecord kept) {
        Item urlClaim = Item.keyed(INSTANCE_URL + "#" + instance.url().value(), INSTANCE_URL)
                .with(ENTITY, INSTANCE_URL).with(INSTANCE_ID, instance.id());
        return feeds.transact(List.of(table.putClaim(urlClaim), table.putNew(instanceItem(instance).withNumber(KEY_COUNT, 1)),
                table.putNew(keyItem(key, instance)), table.putNew(keyListingItem(key))), events, kept);
    }

    List<InstanceKey> findKeys(String instanceId) {
        List<Map<String, AttributeValue>> keys = Table.available(() -> table.client().query(query -> query.tableName(table.name())
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY, "#sk", ConnectionTable.SORT_KEY))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(INSTANCE + "#" + instanceId),
                        ":prefix", AttributeValue.fromS(KEY + "#")))
                .consistentRead(true)))
                .items().stream().map(Item::of).map(listing -> keyLocation(listing.string(ID))
                        .attributes()).toList();
        // A key revoked between the query and the read is left out.
        return table.batchGet(keys).stream().map(RecordItems::key).toList();
    }

    boolean addKey(Instance holder, InstanceKey key, int maxKeys, List<Event> events, IdempotencyRecord kept) {
        Instance copied = holder;
        for (int attempt = 0; attempt < CHANGED_ATTEMPTS; attempt++) {
            // The new key carries the instance as the caller read it, so the count moves only while it is unchanged.
            TransactWriteItem count = TransactWriteItem.builder().update(unchanged(copied, "#count < :max",
                    "SET #count = #count + :one", Map.of("#count", KEY_COUNT), Map.of(":one", AttributeValue.fromN("1"),
                            ":max", AttributeValue.fromN(Integer.toString(maxKeys))))).build();
            if (feeds.transact(List.of(table.putNew(keyItem(key, copied)), table.putNew(keyListingItem(key)), count),
                    events, kept)) {
                return true;
            }
            Optional<Item> now = table.get(INSTANCE + "#" + key.instanceId(), INSTANCE);
            if (now.isEmpty() || Long.parseLong(now.get().attributes().get(KEY_COUNT).n()) >= maxKeys) {
                return false;
            }
            // The licence or URL changed meanwhile: copy the instance as it is now.
            copied = instance(now.get());
        }
        throw changedMeanwhile();
    }

    boolean revokeKey(InstanceKey key, List<Event> events) {
        TransactWriteItem count = TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(Item.keyed(INSTANCE + "#" + key.instanceId(), INSTANCE).attributes())
                .updateExpression("SET #count = #count - :one")
                .conditionExpression("#count > :one")
                .expressionAttributeNames(Map.of("#count", KEY_COUNT))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .build()).build();
        TransactWriteItem lookup = table.deleteExisting(keyLocation(key.keyId()));
        return feeds.transact(List.of(lookup,
                table.deleteItem(Item.keyed(INSTANCE + "#" + key.instanceId(), KEY + "#" + key.keyId())), count), events,
                null);
    }

    boolean replaceKeys(Instance instance, List<InstanceKey> revoked, InstanceKey added, List<Event> events,
                        IdempotencyRecord kept) {
        // The count holds only if no key was added meanwhile, and the instance only if it is as the new key
        // carries it; each delete only if its key is still there.
        String instanceId = instance.id();
        TransactWriteItem count = TransactWriteItem.builder().update(unchanged(instance, "#count = :read",
                "SET #count = :one", Map.of("#count", KEY_COUNT), Map.of(":one", AttributeValue.fromN("1"),
                        ":read", AttributeValue.fromN(Integer.toString(revoked.size()))))).build();
        List<TransactWriteItem> writes = new java.util.ArrayList<>(List.of(count, table.putNew(keyItem(added, instance)),
                table.putNew(keyListingItem(added))));
        for (InstanceKey key : revoked) {
            writes.add(table.deleteExisting(keyLocation(key.keyId())));
            writes.add(table.deleteItem(Item.keyed(INSTANCE + "#" + instanceId, KEY + "#" + key.keyId())));
        }
        return feeds.transact(writes, events, kept);
    }

    void recordKeyUse(String keyId, Instant at, Instant since) {
        try {
            Table.available(() -> table.client().updateItem(update -> update.tableName(table.name())
                    .key(keyLocation(keyId).attributes())
                    .updateExpression("SET #used = :at")
                    .conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(#used) OR #used < :since)")
                    .expressionAttributeNames(Map.of("#used", LAST_USED_AT, "#pk", ConnectionTable.PARTITION_KEY))
                    // Fixed-width times, so that comparing the text compares the times.
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(SORTABLE_INSTANT.format(at)),
                            ":since", AttributeValue.fromS(SORTABLE_INSTANT.format(since))))));
        } catch (ConditionalCheckFailedException recordedMeanwhileOrRevoked) {
            // Another request recorded a use within the hour, or the key was revoked: nothing to do.
        }
    }

    Optional<Instance> setLicense(String instanceId, License license, Instant trialEndsAt) {
        for (int attempt = 0; attempt < CHANGED_ATTEMPTS; attempt++) {
            Optional<Holder> read = readHolder(instanceId);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            Instance changed = read.get().instance().withLicense(license, trialEndsAt);
            List<TransactWriteItem> writes = new java.util.ArrayList<>(List.of(TransactWriteItem.builder()
                    .update(read.get().change(changed)).build()));
            writes.addAll(read.get().keyCopies(changed));
            if (table.transact(writes, null)) {
                return Optional.of(changed);
            }
        }
        throw changedMeanwhile();
    }

    Optional<Instance> findInstance(String instanceId) {
        return table.get(INSTANCE + "#" + instanceId, INSTANCE).map(RecordItems::instance);
    }

    Optional<Instance> findInstanceByUrl(InstanceUrl url) {
        return table.get(INSTANCE_URL + "#" + url.value(), INSTANCE_URL).filter(claim -> !claim.bool(FORMER))
                .flatMap(claim -> findInstance(claim.string(INSTANCE_ID)));
    }

    Optional<String> formerHolderOf(InstanceUrl url) {
        return table.get(INSTANCE_URL + "#" + url.value(), INSTANCE_URL).filter(claim -> claim.bool(FORMER))
                .map(claim -> claim.string(INSTANCE_ID));
    }

    boolean changeUrl(Instance instance, InstanceUrl url, List<Event> events) {
        Optional<Holder> read = readHolder(instance.id()).filter(stored -> stored.instance().url().equals(instance.url()));
        if (read.isEmpty()) {
            return false;
        }
        // The old URL stays claimed as the instance's former one (its pending invitations remain its own) until
        // someone registers it; the new one must be free, or someone's former one.
        TransactWriteItem former = TransactWriteItem.builder().put(Put.builder().tableName(table.name())
                .item(Item.keyed(INSTANCE_URL + "#" + instance.url().value(), INSTANCE_URL)
                        .with(ENTITY, INSTANCE_URL).with(INSTANCE_ID, instance.id()).with(FORMER, true).attributes())
                .conditionExpression("#instanceId = :id")
                .expressionAttributeNames(Map.of("#instanceId", INSTANCE_ID))
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(instance.id())))
                .build()).build();
        Item claim = Item.keyed(INSTANCE_URL + "#" + url.value(), INSTANCE_URL)
                .with(ENTITY, INSTANCE_URL).with(INSTANCE_ID, instance.id());
        Instance moved = read.get().instance().withUrl(url);
        List<TransactWriteItem> writes = new java.util.ArrayList<>(List.of(former, table.putClaim(claim),
                TransactWriteItem.builder().update(read.get().change(moved)).build()));
        writes.addAll(read.get().keyCopies(moved));
        return feeds.transact(writes, events, null);
    }

    Optional<HeldKey> findHeldKey(String keyId) {
        return table.get(keyLocation(keyId)).map(this::heldKey);
    }

    /** A key item as authentication needs it: the key and its instance. */
    HeldKey heldKey(Item item) {
        InstanceKey key = RecordItems.key(item);
        // Keys written before they carried their instance read it beside.
        return new HeldKey(key, holder(item).or(() -> findInstance(key.instanceId())).orElse(null));
    }

    Optional<InstanceKey> findKey(String keyId) {
        return table.get(keyLocation(keyId)).map(RecordItems::key);
    }

    /**
     * The instance as stored and the ids of its keys, read together (they share a partition): what a change
     * that copies the instance into every key item decides from.
     */
    private Optional<Holder> readHolder(String instanceId) {
        List<Item> items = Table.available(() -> table.client().query(query -> query.tableName(table.name())
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :instance AND :keys")
                .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY, "#sk", ConnectionTable.SORT_KEY))
                // Sort keys between INSTANCE and KEY$ are the instance's and its keys' listings (KEY#<id>).
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(INSTANCE + "#" + instanceId),
                        ":instance", AttributeValue.fromS(INSTANCE), ":keys", AttributeValue.fromS(KEY + "$")))
                .consistentRead(true))).items().stream().map(Item::of).toList();
        return items.stream().filter(item -> INSTANCE.equals(item.string(ConnectionTable.SORT_KEY))).findFirst()
                .map(stored -> new Holder(instance(stored), items.stream()
                        .filter(item -> KEY.equals(item.string(ENTITY))).map(item -> item.string(ID)).toList()));
    }

    /** An instance as read with its keys' ids. */
    private final class Holder {
        private final Instance instance;
        private final List<String> keyIds;

        Holder(Instance instance, List<String> keyIds) {
            this.instance = instance;
            this.keyIds = keyIds;
        }

        Instance instance() {
            return instance;
        }

        /** The instance becomes {@code changed}, on condition that neither it nor its set of keys changed since. */
        Update change(Instance changed) {
            Map<String, String> names = Map.of("#count", KEY_COUNT);
            Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(
                    ":keys", AttributeValue.fromN(Integer.toString(keyIds.size())),
                    ":newUrl", AttributeValue.fromS(changed.url().value()),
                    ":newLicense", AttributeValue.fromS(changed.license().name())));
            String set = "SET #url = :newUrl, #license = :newLicense";
            if (changed.trialEndsAt() != null) {
                values.put(":newTrial", AttributeValue.fromS(changed.trialEndsAt().toString()));
                set += ", #trial = :newTrial";
            }
            // A key added and another revoked leave the count as it was, but fail a listed key's copy below.
            return unchanged(instance, "#count = :keys", set, names, values);
        }

        /** Every listed key item carries {@code changed}, on condition that the key still exists. */
        List<TransactWriteItem> keyCopies(Instance changed) {
            return keyIds.stream().map(keyId -> TransactWriteItem.builder().update(Update.builder()
                    .tableName(table.name())
                    .key(keyLocation(keyId).attributes())
                    .updateExpression("SET #holder = :holder")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#holder", HOLDER, "#pk", ConnectionTable.PARTITION_KEY))
                    .expressionAttributeValues(Map.of(":holder", holderCopy(changed)))
                    .build()).build()).toList();
        }
    }

    /**
     * An update of the instance item on condition that its URL, licence and trial end are still as
     * {@code read} has them (what its key items carry), and that {@code condition} holds.
     */
    private Update unchanged(Instance read, String condition, String update, Map<String, String> names,
                             Map<String, AttributeValue> values) {
        Map<String, String> allNames = new java.util.HashMap<>(names);
        allNames.putAll(Map.of("#url", URL, "#license", LICENSE, "#trial", TRIAL_ENDS_AT));
        Map<String, AttributeValue> allValues = new java.util.HashMap<>(values);
        allValues.put(":readUrl", AttributeValue.fromS(read.url().value()));
        allValues.put(":readLicense", AttributeValue.fromS(read.license().name()));
        String trial = "attribute_not_exists(#trial)";
        if (read.trialEndsAt() != null) {
            allValues.put(":readTrial", AttributeValue.fromS(read.trialEndsAt().toString()));
            trial = "#trial = :readTrial";
        }
        return Update.builder().tableName(table.name())
                .key(Item.keyed(INSTANCE + "#" + read.id(), INSTANCE).attributes())
                .updateExpression(update)
                .conditionExpression("#url = :readUrl AND #license = :readLicense AND " + trial + " AND " + condition)
                .expressionAttributeNames(allNames)
                .expressionAttributeValues(allValues)
                .build();
    }

    private static StoreUnavailable changedMeanwhile() {
        return new StoreUnavailable("The instance was changed by other requests while this one ran. Send it again.",
                Duration.ofSeconds(1));
    }
}
