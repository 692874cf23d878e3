package io.connectionbroker.store.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One DynamoDB item, written and read by attribute name. A null value is an absent attribute. */
final class Item {
    private final Map<String, AttributeValue> attributes;

    private Item(Map<String, AttributeValue> attributes) {
        this.attributes = attributes;
    }

    static Item keyed(String partitionKey, String sortKey) {
        Item item = new Item(new HashMap<>());
        item.attributes.put(ConnectionTable.PARTITION_KEY, AttributeValue.fromS(partitionKey));
        item.attributes.put(ConnectionTable.SORT_KEY, AttributeValue.fromS(sortKey));
        return item;
    }

    static Item of(Map<String, AttributeValue> attributes) {
        return new Item(attributes);
    }

    Item with(String name, String value) {
        if (value != null) {
            attributes.put(name, AttributeValue.fromS(value));
        }
        return this;
    }

    Item with(String name, Enum<?> value) {
        return with(name, value == null ? null : value.name());
    }

    Item with(String name, Instant value) {
        return with(name, value == null ? null : value.toString());
    }

    Item with(String name, boolean value) {
        attributes.put(name, AttributeValue.fromBool(value));
        return this;
    }

    Item withNumber(String name, long value) {
        attributes.put(name, AttributeValue.fromN(Long.toString(value)));
        return this;
    }

    String string(String name) {
        AttributeValue value = attributes.get(name);
        return value == null ? null : value.s();
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String value = string(name);
        return value == null ? null : Enum.valueOf(type, value);
    }

    Instant instant(String name) {
        String value = string(name);
        return value == null ? null : StoredInstant.parse(value);
    }

    boolean bool(String name) {
        AttributeValue value = attributes.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    Map<String, AttributeValue> attributes() {
        return attributes;
    }
}
