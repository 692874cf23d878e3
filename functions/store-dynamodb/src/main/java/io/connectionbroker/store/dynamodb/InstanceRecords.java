package io.connectionbroker.store.dynamodb;

import static io.connectionbroker.store.dynamodb.RecordItems.*;

import io.connectionbroker.domain.Event;
import io.connectionbroker.domain.IdempotencyRecord;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.InstanceKey;
import io.connectionbroker.domain.InstanceUrl;
import io.connectionbroker.domain.License;
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
                table.putNew(keyItem(key)), table.putNew(keyListingItem(key))), events, kept);
    }

    List<InstanceKey> findKeys(String instanceId) {
        List<Map<String, AttributeValue>> keys = Table.available(() -> table.client().query(query -> query.tableName(table.name())
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY, "#sk", ConnectionTable.SORT_KEY))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(INSTANCE + "#" + instanceId),
                        ":prefix", AttributeValue.fromS(KEY + "#")))
                .consistentRead(true)))
                .items().stream().map(Item::of).map(listing -> Item.keyed(API_KEY + "#" + listing.string(ID), API_KEY)
                        .attributes()).toList();
        // A key revoked between the query and the read is left out.
        return table.batchGet(keys).stream().map(RecordItems::key).toList();
    }

    boolean addKey(InstanceKey key, int maxKeys, List<Event> events, IdempotencyRecord kept) {
        TransactWriteItem count = TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(Item.keyed(INSTANCE + "#" + key.instanceId(), INSTANCE).attributes())
                .updateExpression("SET #count = #count + :one")
                .conditionExpression("#count < :max")
                .expressionAttributeNames(Map.of("#count", KEY_COUNT))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":max", AttributeValue.fromN(Integer.toString(maxKeys))))
                .build()).build();
        return feeds.transact(List.of(table.putNew(keyItem(key)), table.putNew(keyListingItem(key)), count), events, kept);
    }

    boolean revokeKey(InstanceKey key, List<Event> events) {
        TransactWriteItem count = TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(Item.keyed(INSTANCE + "#" + key.instanceId(), INSTANCE).attributes())
                .updateExpression("SET #count = #count - :one")
                .conditionExpression("#count > :one")
                .expressionAttributeNames(Map.of("#count", KEY_COUNT))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .build()).build();
        TransactWriteItem lookup = table.deleteExisting(Item.keyed(API_KEY + "#" + key.keyId(), API_KEY));
        return feeds.transact(List.of(lookup,
                table.deleteItem(Item.keyed(INSTANCE + "#" + key.instanceId(), KEY + "#" + key.keyId())), count), events,
                null);
    }

    boolean replaceKeys(String instanceId, List<InstanceKey> revoked, InstanceKey added, List<Event> events,
                        IdempotencyRecord kept) {
        // The count holds only if no key was added meanwhile; each delete only if its key is still there.
        TransactWriteItem count = TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(Item.keyed(INSTANCE + "#" + instanceId, INSTANCE).attributes())
                .updateExpression("SET #count = :one")
                .conditionExpression("#count = :read")
                .expressionAttributeNames(Map.of("#count", KEY_COUNT))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":read", AttributeValue.fromN(Integer.toString(revoked.size()))))
                .build()).build();
        List<TransactWriteItem> writes = new java.util.ArrayList<>(List.of(count, table.putNew(keyItem(added)),
                table.putNew(keyListingItem(added))));
        for (InstanceKey key : revoked) {
            writes.add(table.deleteExisting(Item.keyed(API_KEY + "#" + key.keyId(), API_KEY)));
            writes.add(table.deleteItem(Item.keyed(INSTANCE + "#" + instanceId, KEY + "#" + key.keyId())));
        }
        return feeds.transact(writes, events, kept);
    }

    void recordKeyUse(String keyId, Instant at, Instant since) {
        try {
            Table.available(() -> table.client().updateItem(update -> update.tableName(table.name())
                    .key(Item.keyed(API_KEY + "#" + keyId, API_KEY).attributes())
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
        Map<String, String> names = new java.util.HashMap<>(Map.of("#pk", ConnectionTable.PARTITION_KEY,
                "#license", LICENSE));
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":license",
                AttributeValue.fromS(license.name())));
        String update = "SET #license = :license";
        if (trialEndsAt != null) {
            names.put("#trialEndsAt", TRIAL_ENDS_AT);
            values.put(":trialEndsAt", AttributeValue.fromS(trialEndsAt.toString()));
            update += ", #trialEndsAt = :trialEndsAt";
        }
        String expression = update;
        try {
            // Setting the same values again is harmless, so a retried attempt needs no write id.
            return Optional.of(instance(Item.of(Table.available(() -> table.client().updateItem(request -> request
                    .tableName(table.name())
                    .key(Item.keyed(INSTANCE + "#" + instanceId, INSTANCE).attributes())
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW)))
                    .attributes())));
        } catch (ConditionalCheckFailedException noSuchInstance) {
            return Optional.empty();
        }
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
        TransactWriteItem move = TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(Item.keyed(INSTANCE + "#" + instance.id(), INSTANCE).attributes())
                .updateExpression("SET #url = :new")
                .conditionExpression("#url = :old")
                .expressionAttributeNames(Map.of("#url", URL))
                .expressionAttributeValues(Map.of(":new", AttributeValue.fromS(url.value()),
                        ":old", AttributeValue.fromS(instance.url().value())))
                .build()).build();
        return feeds.transact(List.of(former, table.putClaim(claim), move), events, null);
    }

    Optional<InstanceKey> findKey(String keyId) {
        return table.get(API_KEY + "#" + keyId, API_KEY).map(RecordItems::key);
    }
}
