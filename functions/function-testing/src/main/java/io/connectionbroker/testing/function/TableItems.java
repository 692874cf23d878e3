package io.connectionbroker.testing.function;

import io.connectionbroker.testing.DynamoDbLocalEngine;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every item of a function's table, read for comparison before and after a request. */
public final class TableItems {
    private TableItems() {
    }

    /**
     * Every item, by key; without a key's last use, which is bookkeeping recorded as a request authenticates,
     * whatever then becomes of the request.
     */
    public static Map<String, Map<String, AttributeValue>> of(FunctionUnderTest function) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        DynamoDbLocalEngine.shared().client()
                .scanPaginator(scan -> scan.tableName(function.tableName()).consistentRead(true)).items()
                .forEach(item -> {
                    Map<String, AttributeValue> kept = new HashMap<>(item);
                    kept.remove("lastUsedAt");
                    items.put(item.get("pk").s() + " " + item.get("sk").s(), kept);
                });
        return items;
    }
}
