package io.connectionbroker.store.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The condition that a stored connection is still the version a change was decided from. Connections stored
 * before versions were kept have none, and read as version 0.
 */
record ConnectionVersion(long read) {
    static final String ATTRIBUTE = "version";

    static ConnectionVersion of(long read) {
        return new ConnectionVersion(read);
    }

    static long read(AttributeValue stored) {
        return stored == null ? 0 : Long.parseLong(stored.n());
    }

    String condition() {
        return read == 0 ? "attribute_exists(#pk) AND attribute_not_exists(#version)" : "#version = :read";
    }

    Map<String, String> names() {
        return read == 0 ? Map.of("#pk", ConnectionTable.PARTITION_KEY, "#version", ATTRIBUTE)
                : Map.of("#version", ATTRIBUTE);
    }

    /** Null where the condition takes no value: DynamoDB refuses an empty map of values. */
    Map<String, AttributeValue> values() {
        return read == 0 ? null : Map.of(":read", AttributeValue.fromN(Long.toString(read)));
    }
}
