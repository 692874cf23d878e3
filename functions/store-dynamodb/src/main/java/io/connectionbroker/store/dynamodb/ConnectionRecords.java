package io.connectionbroker.store.dynamodb;

import static io.connectionbroker.store.dynamodb.RecordItems.*;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStore.ConnectionPage;
import io.connectionbroker.domain.Event;
import io.connectionbroker.domain.IdempotencyRecord;
import io.connectionbroker.domain.InstanceUrl;
import io.connectionbroker.domain.Invitation;
import io.connectionbroker.domain.RuleSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The writes that change a connection with the records beside it (its invitation, rules, memberships and the
 * invitations listed by when they lapse), each one transaction with its events: the connection half of the
 * store.
 */
final class ConnectionRecords {
    private final Table table;
    private final EventFeeds feeds;
    private final InvitationLapses lapses;
    private final ConnectionMemberships memberships;

    ConnectionRecords(Table table, EventFeeds feeds, InvitationLapses lapses, ConnectionMemberships memberships) {
        this.table = table;
        this.feeds = feeds;
        this.lapses = lapses;
        this.memberships = memberships;
    }

    void moveSides(String instanceId, InstanceUrl url) {
        String after = null;
        do {
            ConnectionPage page = memberships.findConnectionsOf(instanceId, 100, after, connection -> true);
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
                    .key(connectionLocation(connectionId).attributes())
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

    void createConnection(Connection connection, Invitation invitation, Map<RuleSet.Owner, RuleSet> rules,
                          List<Event> events, IdempotencyRecord kept) {
        InvitationLapses.Listing listing = lapses.list(connection.source().instanceId(), connection.id(),
                invitation.id(), invitation.expiresAt());
        List<TransactWriteItem> writes = new java.util.ArrayList<>(List.of(table.putNew(connectionItem(connection)),
                table.putNew(invitationItem(invitation)),
                table.putNew(membershipItem(connection.source().instanceId(), connection))));
        rules.forEach((owner, set) -> writes.add(table.putNew(rulesItem(connection.id(), owner, set))));
        if (!feeds.transact(writes, events, kept, listing)) {
            throw new IllegalStateException("a new connection or invitation id was taken: " + connection.id());
        }
    }

    boolean answerInvitation(Invitation invitation, Invitation.Answer answer, String answeredBy,
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
                lapses.strikeOff(changed.source().instanceId(), invitation.id(), invitation.expiresAt())));
        String destination = changed.destination().instanceId();
        if (answer == Invitation.Answer.ACCEPTED && destination != null
                && !destination.equals(changed.source().instanceId())) {
            writes.add(table.put(membershipItem(destination, changed)));
        }
        return feeds.transact(writes, events, kept);
    }

    boolean replaceInvitation(Connection changed, String previousInvitationId, Instant previousExpiresAt,
                              Invitation next, List<Event> events, IdempotencyRecord kept) {
        String source = changed.source().instanceId();
        InvitationLapses.Listing listing = lapses.list(source, changed.id(), next.id(), next.expiresAt());
        return feeds.transact(List.of(table.putOver(changed), table.putNew(invitationItem(next)),
                table.deleteItem(Item.keyed(INVITATION + "#" + previousInvitationId, INVITATION)),
                lapses.strikeOff(source, previousInvitationId, previousExpiresAt)), events, kept, listing);
    }

    boolean upgradeMode(Connection upgraded, Map<RuleSet.Owner, RuleSet> rules, List<Event> events,
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

    boolean deleteConnection(Connection connection, List<Event> events) {
        ConnectionVersion read = ConnectionVersion.of(connection.version());
        TransactWriteItem deleteConnection = TransactWriteItem.builder().delete(Delete.builder()
                .tableName(table.name())
                .key(connectionLocation(connection.id()).attributes())
                .conditionExpression(read.condition())
                .expressionAttributeNames(read.names())
                .expressionAttributeValues(read.values())
                .build()).build();
        TransactWriteItem deleteInvitation = table.deleteItem(Item.keyed(INVITATION + "#" + connection.invitationId(), INVITATION));
        List<TransactWriteItem> writes = new java.util.ArrayList<>(List.of(deleteConnection, deleteInvitation,
                table.deleteItem(membershipKey(connection.source().instanceId(), connection)),
                lapses.strikeOff(connection.source().instanceId(), connection.invitationId(),
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
}
