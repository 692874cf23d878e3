package io.connectionbroker.store.dynamodb;

import java.time.Duration;

/**
 * The one table everything lives in. Its key schema and TTL attribute are named here: the deployment template
 * and the table the local run and the tests set up (TableSetUp, outside the Lambda jars) are checked against
 * these constants.
 */
public final class ConnectionTable {
    /** Partition key: the record's kind and id, for example {@code CONNECTION#<id>}. */
    public static final String PARTITION_KEY = "pk";
    /** Sort key: the record's kind, leaving room for records that belong to another (rules of a connection). */
    public static final String SORT_KEY = "sk";
    /**
     * The global secondary indexes the store queries, by name. None yet: every read is a key lookup.
     * The deployment template must declare exactly these.
     */
    public static final java.util.Map<String, java.util.List<String>> GLOBAL_SECONDARY_INDEXES = java.util.Map.of();
    /** Epoch seconds after which DynamoDB may delete the item. Deletion is eventual: expiry is decided on read. */
    public static final String TTL_ATTRIBUTE = "ttl";
    /**
     * How long a lapsed invitation is kept before TTL may delete it, so that its code keeps being answered
     * "expired" rather than "unknown" for a while.
     */
    public static final Duration EXPIRED_INVITATION_RETENTION = Duration.ofDays(7);

    private ConnectionTable() {
    }
}
