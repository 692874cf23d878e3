package io.connectionbroker.store.dynamodb;

import static io.connectionbroker.store.dynamodb.RecordItems.*;

import io.connectionbroker.domain.Invitation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Each caller's wrong codes for an invitation, and its lock, kept beside the invitation: counted per caller,
 * so that nobody can lock another out, and taking the same path for an unknown invitation id.
 */
final class InvitationTries {
    /** Longer than any invitation lives, so that a count is never forgotten while its invitation can be tried. */
    private static final Duration TRIES_KEPT = Duration.ofDays(8);

    private final Table table;

    InvitationTries(Table table) {
        this.table = table;
    }

    Optional<Invitation> findInvitation(String invitationId, String callerId) {
        // One round trip: the invitation and the caller's tries at it.
        Map<String, Item> found = new java.util.HashMap<>();
        table.batchGet(List.of(Item.keyed(INVITATION + "#" + invitationId, INVITATION).attributes(),
                triesKey(invitationId, callerId).attributes()))
                .forEach(item -> found.put(item.string(ConnectionTable.SORT_KEY), item));
        Item tries = found.get(TRIES + "#" + callerId);
        return Optional.ofNullable(found.get(INVITATION)).map(RecordItems::invitation)
                .map(invitation -> tries == null ? invitation : invitation.withTries(
                        Integer.parseInt(tries.attributes().get(WRONG_CODES).n()),
                        tries.instant(LOCKED_UNTIL)));
    }

    void recordWrongCode(String invitationId, String callerId, int limit, Instant now, Instant lockedUntil) {
        Map<String, AttributeValue> key = triesKey(invitationId, callerId).attributes();
        long keptUntil = now.plus(TRIES_KEPT).getEpochSecond();
        // Fixed-width times, so that comparing the text compares the times.
        AttributeValue nowValue = AttributeValue.fromS(SORTABLE_INSTANT.format(now));
        try {
            var counted = Table.available(() -> table.client().updateItem(update -> update.tableName(table.name()).key(key)
                    .updateExpression("SET #ttl = :kept ADD #wrong :one")
                    .conditionExpression("attribute_not_exists(#locked) OR #locked > :now")
                    .expressionAttributeNames(Map.of("#wrong", WRONG_CODES, "#locked", LOCKED_UNTIL,
                            "#ttl", ConnectionTable.TTL_ATTRIBUTE))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":kept", AttributeValue.fromN(Long.toString(keptUntil)), ":now", nowValue))
                    .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.UPDATED_NEW)));
            if (Integer.parseInt(counted.attributes().get(WRONG_CODES).n()) >= limit) {
                Table.available(() -> table.client().updateItem(update -> update.tableName(table.name()).key(key)
                        .updateExpression("SET #locked = :until")
                        .conditionExpression("attribute_not_exists(#locked)")
                        .expressionAttributeNames(Map.of("#locked", LOCKED_UNTIL))
                        .expressionAttributeValues(Map.of(":until",
                                AttributeValue.fromS(SORTABLE_INSTANT.format(lockedUntil))))));
            }
        } catch (ConditionalCheckFailedException lockedBefore) {
            // The caller's lock has lapsed (or was set meanwhile): this wrong code starts the count afresh.
            try {
                Table.available(() -> table.client().putItem(put -> put.tableName(table.name())
                        .item(triesKey(invitationId, callerId).withNumber(WRONG_CODES, 1)
                                .withNumber(ConnectionTable.TTL_ATTRIBUTE, keptUntil)
                                .attributes())
                        .conditionExpression("#locked <= :now")
                        .expressionAttributeNames(Map.of("#locked", LOCKED_UNTIL))
                        .expressionAttributeValues(Map.of(":now", nowValue))));
            } catch (ConditionalCheckFailedException lockedMeanwhile) {
                // Another request locked the caller out meanwhile: the lock stands.
            }
        }
    }
}
