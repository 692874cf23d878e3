package io.connectionbroker.store.dynamodb;

import static io.connectionbroker.store.dynamodb.RecordItems.*;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.Event;
import io.connectionbroker.domain.IdempotencyRecord;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.InstanceKey;
import io.connectionbroker.domain.InstanceUrl;
import io.connectionbroker.domain.Invitation;
import io.connectionbroker.domain.License;
import io.connectionbroker.domain.RuleSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The {@link ConnectionStore} on one DynamoDB table. Every read is a consistent key lookup and every
 * multi-record write one {@code TransactWriteItems}, so a caller sees its own writes at once and no
 * write is ever half done.
 */
public final class DynamoDbConnectionStore implements ConnectionStore {
    /**
     * How long a change keeps appending its events, by default, while other changes append to the same feed
     * first (each round one of them is written, so a burst of changes to one instance drains one by one); after
     * that it is refused with StoreUnavailable, to be sent again. The deployment template's timeout is checked
     * against it.
     */
    public static final java.time.Duration FEED_APPEND_WITHIN = java.time.Duration.ofSeconds(2);
    private final Table table;
    private final InstanceRecords instances;
    private final InvitationTries tries;
    private final ConnectionMemberships memberships;
    private final EventFeeds feeds;

    public DynamoDbConnectionStore(DynamoDbClient client, String tableName) {
        this(client, tableName, FEED_APPEND_WITHIN);
    }

    /** @param feedAppendWithin how long a change keeps appending to a feed others are appending to */
    public DynamoDbConnectionStore(DynamoDbClient client, String tableName, java.time.Duration feedAppendWithin) {
        this.table = new Table(client, tableName);
        this.feeds = new EventFeeds(table, feedAppendWithin);
        this.instances = new InstanceRecords(table, feeds);
        this.tries = new InvitationTries(table);
        this.memberships = new ConnectionMemberships(table);
    }

    // The instance half, kept in its own room.

    @Override
    public boolean registerInstance(Instance instance, InstanceKey key, List<Event> events, IdempotencyRecord kept) {
        return instances.registerInstance(instance, key, events, kept);
    }

    @Override
    public List<InstanceKey> findKeys(String instanceId) {
        return instances.findKeys(instanceId);
    }

    @Override
    public boolean addKey(InstanceKey key, int maxKeys, List<Event> events, IdempotencyRecord kept) {
        return instances.addKey(key, maxKeys, events, kept);
    }

    @Override
    public boolean revokeKey(InstanceKey key, List<Event> events) {
        return instances.revokeKey(key, events);
    }

    @Override
    public boolean replaceKeys(String instanceId, List<InstanceKey> revoked, InstanceKey added, List<Event> events,
                               IdempotencyRecord kept) {
        return instances.replaceKeys(instanceId, revoked, added, events, kept);
    }

    @Override
    public void recordKeyUse(String keyId, Instant at, Instant since) {
        instances.recordKeyUse(keyId, at, since);
    }

    @Override
    public Optional<Instance> setLicense(String instanceId, License license, Instant trialEndsAt) {
        return instances.setLicense(instanceId, license, trialEndsAt);
    }

    @Override
    public Optional<Instance> findInstance(String instanceId) {
        return instances.findInstance(instanceId);
    }

    @Override
    public Optional<Instance> findInstanceByUrl(InstanceUrl url) {
        return instances.findInstanceByUrl(url);
    }

    @Override
    public Optional<String> formerHolderOf(InstanceUrl url) {
        return instances.formerHolderOf(url);
    }

    @Override
    public boolean changeUrl(Instance instance, InstanceUrl url, List<Event> events) {
        return instances.changeUrl(instance, url, events);
    }

    @Override
    public Optional<InstanceKey> findKey(String keyId) {
        return instances.findKey(keyId);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotencyRecord(String scope, String key) {
        return table.get(idempotencyKey(scope, key)).map(item -> idempotencyRecord(item, key));
    }

    @Override
    public void moveSides(String instanceId, InstanceUrl url) {
        String after = null;
        do {
            ConnectionPage page = findConnectionsOf(instanceId, 100, after);
            for (Connection connection : page.connections()) {
                if (instanceId.equals(connection.source().instanceId()) && !url.equals(connection.source().url())) {
                    moveSide(connection.id(), SOURCE, instanceId, url);
                }
                if (instanceId.equals(connection.destination().instanceId())
                        && !url.equals(connection.destination().url())) {
                    moveSide(connection.id(), DESTINATION, instanceId, url);
                }
            }
            after = page.next();
        } while (after != null);
    }

    /** Sets one side's URL, on condition that the side is still the instance's (the read may be stale). */
    private void moveSide(String connectionId, String side, String instanceId, InstanceUrl url) {
        try {
            Table.available(() -> table.client().updateItem(update -> update.tableName(table.name())
                    .key(Item.keyed(CONNECTION + "#" + connectionId, CONNECTION).attributes())
                    .updateExpression("SET #url = :url ADD #version :one")
                    .conditionExpression("#instanceId = :id")
                    .expressionAttributeNames(Map.of("#url", side + "Url", "#instanceId", side + "InstanceId",
                            "#version", VERSION))
                    .expressionAttributeValues(Map.of(":url", AttributeValue.fromS(url.value()),
                            ":id", AttributeValue.fromS(instanceId), ":one", AttributeValue.fromN("1")))));
        } catch (ConditionalCheckFailedException notThisInstancesSideOrDeleted) {
            // The connection was deleted meanwhile: nothing to move.
        }
    }

    @Override
    public void keep(IdempotencyRecord kept) {
        table.transact(List.of(), kept);
    }

    @Override
    public void createConnection(Connection connection, Invitation invitation, Map<RuleSet.Owner, RuleSet> rules,
                                 List<Event> events, IdempotencyRecord kept) {
        List<TransactWriteItem> writes = new java.util.ArrayList<>(List.of(table.putNew(connectionItem(connection)),
                table.putNew(invitationItem(invitation)), table.putNew(membershipItem(connection.source().instanceId(), connection)),
                feeds.listDue(connection.source().instanceId(), connection.id(), invitation.id(), invitation.expiresAt())));
        rules.forEach((owner, set) -> writes.add(table.putNew(rulesItem(connection.id(), owner, set))));
        if (!feeds.transact(writes, events, kept)) {
            throw new IllegalStateException("a new connection or invitation id was taken: " + connection.id());
        }
    }

    @Override
    public Optional<RuleSet> findRules(String connectionId, RuleSet.Owner owner) {
        return table.get(rulesKey(connectionId, owner)).map(item -> new RuleSet(
                Integer.parseInt(item.attributes().get(VERSION).n()), rules(item, OUTGOING), rules(item, INCOMING)));
    }

    @Override
    public boolean replaceRules(String connectionId, RuleSet.Owner owner, RuleSet next, int expectedVersion,
                                List<Event> events) {
        TransactWriteItem replace = TransactWriteItem.builder().put(software.amazon.awssdk.services.dynamodb.model.Put
                .builder().tableName(table.name())
                .item(rulesItem(connectionId, owner, next).attributes())
                .conditionExpression("#version = :expected")
                .expressionAttributeNames(Map.of("#version", VERSION))
                .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Integer.toString(expectedVersion))))
                .build()).build();
        return feeds.transact(List.of(replace), events, null);
    }

    @Override
    public Optional<Connection> findConnection(String connectionId) {
        return table.get(CONNECTION + "#" + connectionId, CONNECTION).map(RecordItems::connection);
    }

    @Override
    public Optional<Invitation> findInvitation(String invitationId) {
        return table.get(INVITATION + "#" + invitationId, INVITATION).map(RecordItems::invitation);
    }

    @Override
    public Optional<Invitation> findInvitation(String invitationId, String callerId) {
        return tries.findInvitation(invitationId, callerId);
    }

    @Override
    public void recordWrongCode(String invitationId, String callerId, int limit, Instant now, Instant lockedUntil) {
        tries.recordWrongCode(invitationId, callerId, limit, now, lockedUntil);
    }

    @Override
    public boolean answerInvitation(Invitation invitation, Invitation.Answer answer, String answeredBy,
                                    Instant answeredAt, Connection changed, List<Event> events,
                                    IdempotencyRecord kept) {
        Item invitationKey = Item.keyed(INVITATION + "#" + invitation.id(), INVITATION);
        TransactWriteItem answerInvitation = TransactWriteItem.builder().update(Update.builder()
                .tableName(table.name())
                .key(invitationKey.attributes())
                .updateExpression("SET #answer = :answer, #answeredAt = :answeredAt, #answeredBy = :answeredBy")
                .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#answer)")
                .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY, "#answer", ANSWER,
                        "#answeredAt", ANSWERED_AT, "#answeredBy", ANSWERED_BY))
                .expressionAttributeValues(Map.of(":answer", AttributeValue.fromS(answer.name()),
                        ":answeredAt", AttributeValue.fromS(answeredAt.toString()),
                        ":answeredBy", AttributeValue.fromS(answeredBy)))
                .build()).build();
        List<TransactWriteItem> writes = new java.util.ArrayList<>(List.of(answerInvitation, table.putOver(changed),
                feeds.strikeOff(changed.source().instanceId(), invitation.id(), invitation.expiresAt())));
        String destination = changed.destination().instanceId();
        if (answer == Invitation.Answer.ACCEPTED && destination != null
                && !destination.equals(changed.source().instanceId())) {
            writes.add(table.put(membershipItem(destination, changed)));
        }
        return feeds.transact(writes, events, kept);
    }

    @Override
    public boolean replaceInvitation(Connection changed, String previousInvitationId, Instant previousExpiresAt,
                                     Invitation next, List<Event> events, IdempotencyRecord kept) {
        String source = changed.source().instanceId();
        return feeds.transact(List.of(table.putOver(changed), table.putNew(invitationItem(next)),
                table.deleteItem(Item.keyed(INVITATION + "#" + previousInvitationId, INVITATION)),
                feeds.strikeOff(source, previousInvitationId, previousExpiresAt),
                feeds.listDue(source, changed.id(), next.id(), next.expiresAt())), events, kept);
    }

    @Override
    public boolean upgradeMode(Connection upgraded, Map<RuleSet.Owner, RuleSet> rules, List<Event> events,
                               IdempotencyRecord kept) {
        List<TransactWriteItem> writes = new java.util.ArrayList<>();
        writes.add(table.putOver(upgraded));
        // Each rule item once: the new mode's sets written, the others deleted.
        for (RuleSet.Owner owner : RuleSet.Owner.values()) {
            RuleSet set = rules.get(owner);
            writes.add(set != null ? table.put(rulesItem(upgraded.id(), owner, set)) : table.deleteItem(rulesKey(upgraded.id(), owner)));
        }
        return feeds.transact(writes, events, kept);
    }

    @Override
    public boolean deleteConnection(Connection connection, List<Event> events) {
        ConnectionVersion read = ConnectionVersion.of(connection.version());
        TransactWriteItem deleteConnection = TransactWriteItem.builder().delete(Delete.builder()
                .tableName(table.name())
                .key(Item.keyed(CONNECTION + "#" + connection.id(), CONNECTION).attributes())
                .conditionExpression(read.condition())
                .expressionAttributeNames(read.names())
                .expressionAttributeValues(read.values())
                .build()).build();
        TransactWriteItem deleteInvitation = table.deleteItem(Item.keyed(INVITATION + "#" + connection.invitationId(), INVITATION));
        List<TransactWriteItem> writes = new java.util.ArrayList<>(List.of(deleteConnection, deleteInvitation,
                table.deleteItem(membershipKey(connection.source().instanceId(), connection)),
                feeds.strikeOff(connection.source().instanceId(), connection.invitationId(),
                        connection.invitationExpiresAt())));
        for (RuleSet.Owner owner : RuleSet.Owner.values()) {
            writes.add(table.deleteItem(rulesKey(connection.id(), owner)));
        }
        String destination = connection.destination().instanceId();
        if (destination != null && !destination.equals(connection.source().instanceId())) {
            writes.add(table.deleteItem(membershipKey(destination, connection)));
        }
        return feeds.transact(writes, events, null);
    }

    @Override
    public ConnectionPage findConnectionsOf(String instanceId, int limit, String after,
                                            java.util.function.Predicate<Connection> keep) {
        return memberships.findConnectionsOf(instanceId, limit, after, keep);
    }

    @Override
    public boolean replaceConnection(Connection changed, List<Event> events, IdempotencyRecord kept) {
        return feeds.transact(List.of(table.putOver(changed)), events, kept);
    }

    @Override
    public List<FeedEntry> findEvents(String instanceId, long after, int limit) {
        return feeds.findEvents(instanceId, after, limit);
    }

    @Override
    public List<LapsedInvitation> findLapsedInvitations(String instanceId, Instant now, int limit) {
        return feeds.findLapsed(instanceId, now, limit);
    }

    @Override
    public boolean reportLapse(LapsedInvitation lapsed, Event event) {
        return feeds.reportLapse(lapsed, event);
    }
}
