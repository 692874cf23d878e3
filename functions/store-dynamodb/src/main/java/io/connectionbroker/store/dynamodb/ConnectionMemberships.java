package io.connectionbroker.store.dynamodb;

import static io.connectionbroker.store.dynamodb.RecordItems.CONNECTION;
import static io.connectionbroker.store.dynamodb.RecordItems.CONNECTION_ID;
import static io.connectionbroker.store.dynamodb.RecordItems.connectionLocation;
import static io.connectionbroker.store.dynamodb.RecordItems.INSTANCE;
import static io.connectionbroker.store.dynamodb.RecordItems.MEMBERSHIP_SORT_KEY;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStore.ConnectionPage;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * An instance's connections, newest first: a key Query on the instance's partition, whose membership items
 * sort by creation, then one batch read of the connections they name.
 */
final class ConnectionMemberships {
    private final Table table;

    ConnectionMemberships(Table table) {
        this.table = table;
    }

    ConnectionPage findConnectionsOf(String instanceId, int limit, String after,
                                            java.util.function.Predicate<Connection> keep) {
        if (after != null && !MEMBERSHIP_SORT_KEY.matcher(after).matches()) {
            throw new IllegalArgumentException("not a position of this store");
        }
        // Reads memberships a batch at a time until one more than asked is kept (so the answer knows whether a
        // next page exists) or none are left; without a filter that is the first batch.
        List<Map.Entry<String, Connection>> kept = new java.util.ArrayList<>();
        String from = after;
        boolean more = true;
        while (kept.size() <= limit && more) {
            List<Item> memberships = membershipsAfter(instanceId, from, limit + 1);
            Map<String, Connection> found = connectionsById(memberships.stream().map(m -> m.string(CONNECTION_ID)).toList());
            for (Item membership : memberships) {
                // A connection deleted between the query and the read is left out.
                Connection connection = found.get(membership.string(CONNECTION_ID));
                if (connection != null && keep.test(connection)) {
                    kept.add(Map.entry(membership.string(ConnectionTable.SORT_KEY), connection));
                }
            }
            more = memberships.size() == limit + 1;
            from = memberships.isEmpty() ? from : memberships.get(memberships.size() - 1).string(ConnectionTable.SORT_KEY);
        }
        List<Map.Entry<String, Connection>> page = kept.subList(0, Math.min(limit, kept.size()));
        String next = kept.size() > limit ? page.get(page.size() - 1).getKey() : null;
        return new ConnectionPage(page.stream().map(Map.Entry::getValue).toList(), next);
    }

    private List<Item> membershipsAfter(String instanceId, String after, int limit) {
        Map<String, AttributeValue> values = Map.of(":pk", AttributeValue.fromS(INSTANCE + "#" + instanceId),
                ":prefix", AttributeValue.fromS(CONNECTION + "#"));
        var query = QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY, "#sk", ConnectionTable.SORT_KEY))
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(limit);
        if (after != null) {
            query.exclusiveStartKey(Item.keyed(INSTANCE + "#" + instanceId, after).attributes());
        }
        return Table.available(() -> table.client().query(query.build())).items().stream().map(Item::of).toList();
    }

    private Map<String, Connection> connectionsById(List<String> ids) {
        Map<String, Connection> found = new java.util.HashMap<>();
        table.batchGet(ids.stream().map(id -> connectionLocation(id).attributes()).toList())
                .stream().map(RecordItems::connection).forEach(c -> found.put(c.id(), c));
        return found;
    }
}
