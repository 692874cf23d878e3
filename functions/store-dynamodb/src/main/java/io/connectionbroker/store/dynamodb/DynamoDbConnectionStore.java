package io.connectionbroker.store.dynamodb;

import static io.connectionbroker.store.dynamodb.RecordItems.*;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.Event;
import io.connectionbroker.domain.HeldKey;
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
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

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
    private final InvitationLapses lapses;
    private final ConnectionRecords connections;

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
        this.lapses = new InvitationLapses(table, feeds);
        this.connections = new ConnectionRecords(table, feeds, lapses, memberships);
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
    public boolean addKey(Instance holder, InstanceKey key, int maxKeys, List<Event> events, IdempotencyRecord kept) {
        return instances.addKey(holder, key, maxKeys, events, kept);
    }

    @Override
    public boolean revokeKey(InstanceKey key, List<Event> events) {
        return instances.revokeKey(key, events);
    }

    @Override
    public boolean replaceKeys(Instance instance, List<InstanceKey> revoked, InstanceKey added, List<Event> events,
                               IdempotencyRecord kept) {
        return instances.replaceKeys(instance, revoked, added, events, kept);
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
    public Optional<HeldKey> findHeldKey(String keyId) {
        return instances.findHeldKey(keyId);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotencyRecord(String scope, String key) {
        return table.get(idempotencyKey(scope, key)).map(item -> idempotencyRecord(item, key));
    }


    @Override
    public void keep(IdempotencyRecord kept) {
        table.transact(List.of(), kept);
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
        return table.get(connectionLocation(connectionId)).map(RecordItems::connection);
    }

    /** One consistent BatchGetItem of both items: a status read's one round trip. */
    @Override
    public KeyAndConnection findHeldKeyAndConnection(String keyId, String connectionId) {
        Optional<HeldKey> key = Optional.empty();
        Optional<Connection> connection = Optional.empty();
        for (Item item : table.batchGet(List.of(keyLocation(keyId).attributes(),
                connectionLocation(connectionId).attributes()))) {
            if (API_KEY.equals(item.string(ConnectionTable.SORT_KEY))) {
                key = Optional.of(instances.heldKey(item));
            } else {
                connection = Optional.of(RecordItems.connection(item));
            }
        }
        return new KeyAndConnection(key, connection);
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
        return lapses.findLapsed(instanceId, now, limit);
    }

    /**
     * One Query reads the events and the feed's head after them; a second looks for lapsed invitations only when
     * the head says one may have lapsed, which makes an idle poll one call.
     */
    @Override
    public FeedRead readFeed(String instanceId, long after, int limit, Instant now, int lapseLimit) {
        EventFeeds.Page page = feeds.page(instanceId, after, limit);
        return new FeedRead(page.entries(), lapses.findLapsed(instanceId, now, lapseLimit, page.head()));
    }

    @Override
    public boolean reportLapse(LapsedInvitation lapsed, Event event) {
        return lapses.reportLapse(lapsed, event);
    }

    @Override
    public void moveSides(String instanceId, InstanceUrl url) {
        connections.moveSides(instanceId, url);
    }

    @Override
    public void createConnection(Connection connection, Invitation invitation, Map<RuleSet.Owner, RuleSet> rules,
                                 List<Event> events, IdempotencyRecord kept) {
        connections.createConnection(connection, invitation, rules, events, kept);
    }

    @Override
    public boolean answerInvitation(Invitation invitation, Invitation.Answer answer, String answeredBy,
                                    Instant answeredAt, Connection changed, List<Event> events,
                                    IdempotencyRecord kept) {
        return connections.answerInvitation(invitation, answer, answeredBy, answeredAt, changed, events, kept);
    }

    @Override
    public boolean replaceInvitation(Connection changed, String previousInvitationId, Instant previousExpiresAt,
                                     Invitation next, List<Event> events, IdempotencyRecord kept) {
        return connections.replaceInvitation(changed, previousInvitationId, previousExpiresAt, next, events, kept);
    }

    @Override
    public boolean upgradeMode(Connection upgraded, Map<RuleSet.Owner, RuleSet> rules, List<Event> events,
                               IdempotencyRecord kept) {
        return connections.upgradeMode(upgraded, rules, events, kept);
    }

    @Override
    public boolean deleteConnection(Connection connection, List<Event> events) {
        return connections.deleteConnection(connection, events);
    }
}
