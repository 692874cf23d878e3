package io.connectionbroker.store.dynamodb;

import static io.connectionbroker.store.dynamodb.RecordItems.*;

import io.connectionbroker.domain.ConnectionStatus;
import io.connectionbroker.domain.ConnectionStore.LapsedInvitation;
import io.connectionbroker.domain.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Invitations listed by when they lapse ({@code DUE#<expiresAt>#<invitationId>}, under the initiator's partition),
 * so that reading a feed finds the lapsed ones with a key range, never a scan; and the initiator's feed head
 * remembers when the next one lapses ({@link FeedHead}), so that most reads need not look.
 */
final class InvitationLapses {
    static final String DUE = "DUE";

    private final Table table;
    private final EventFeeds feeds;

    InvitationLapses(Table table, EventFeeds feeds) {
        this.table = table;
        this.feeds = feeds;
    }

    /** A new invitation listed under its initiator: {@link EventFeeds#transact} writes it with its head. */
    record Listing(String instanceId, Instant expiresAt, TransactWriteItem write) {
    }

    Listing list(String instanceId, String connectionId, String invitationId, Instant expiresAt) {
        return new Listing(instanceId, expiresAt, table.put(Item.keyed(INSTANCE + "#" + instanceId,
                        dueSortKey(expiresAt, invitationId))
                .with(ENTITY, DUE).with(CONNECTION_ID, connectionId).with(INVITATION_ID, invitationId)
                .with(EXPIRES_AT, expiresAt).withNumber(ConnectionTable.TTL_ATTRIBUTE,
                        expiresAt.plus(Event.RETENTION).getEpochSecond())));
    }

    TransactWriteItem strikeOff(String instanceId, String invitationId, Instant expiresAt) {
        return table.deleteItem(Item.keyed(INSTANCE + "#" + instanceId, dueSortKey(expiresAt, invitationId)));
    }

    List<LapsedInvitation> findLapsed(String instanceId, Instant now, int limit) {
        return lapsedAmong(instanceId, listed(instanceId, upTo(now), limit), now);
    }

    /**
     * The lapsed invitations as {@link #findLapsed}, asked only when the head read before says one may have
     * lapsed; when none has, the head learns when the next one lapses.
     *
     * @param readBefore the initiator's feed head, read before this; null when not read
     */
    List<LapsedInvitation> findLapsed(String instanceId, Instant now, int limit, FeedHead readBefore) {
        if (readBefore != null && !readBefore.lapseMayBeDue(now)) {
            return List.of();
        }
        // One more than asked: the first not lapsed yet says when the next read needs to look again.
        List<Item> listed = listed(instanceId, DUE + "$", limit + 1);
        List<LapsedInvitation> lapsed = lapsedAmong(instanceId, listed, now);
        if (lapsed.isEmpty() && readBefore != null && readBefore.exists()) {
            readBefore.settle(table, instanceId,
                    listed.isEmpty() ? FeedHead.NONE_LISTED : listed.get(0).instant(EXPIRES_AT).toEpochMilli());
        }
        return lapsed.size() > limit ? lapsed.subList(0, limit) : lapsed;
    }

    /**
     * The instance's listed invitations whose keys sort up to {@code to}, soonest to lapse first. Every listing's
     * key is {@code DUE#<time>#<id>}, and '$' sorts after '#': {@code DUE$} ends them all.
     */
    private List<Item> listed(String instanceId, String to, int limit) {
        return feeds.range(instanceId, DUE + "#", to, limit);
    }

    /** Where the listings lapsed by now end: every id sorts after the '#' that ends the time, and before '$'. */
    private static String upTo(Instant now) {
        return DUE + "#" + SORTABLE_INSTANT.format(now) + "$";
    }

    private static List<LapsedInvitation> lapsedAmong(String instanceId, List<Item> listed, Instant now) {
        String upTo = upTo(now);
        return listed.stream().takeWhile(due -> due.string(ConnectionTable.SORT_KEY).compareTo(upTo) <= 0)
                .map(due -> new LapsedInvitation(instanceId, due.string(CONNECTION_ID),
                        due.string(INVITATION_ID), due.instant(EXPIRES_AT))).toList();
    }

    /**
     * Reports the lapse on condition that the connection is still pending on this very invitation, and records
     * it on the connection as a new version: an answer decided before the lapse then writes nothing.
     */
    boolean reportLapse(LapsedInvitation lapsed, Event event) {
        TransactWriteItem due = table.deleteExisting(Item.keyed(INSTANCE + "#" + lapsed.instanceId(),
                dueSortKey(lapsed.expiresAt(), lapsed.invitationId())));
        TransactWriteItem connection = TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(connectionLocation(lapsed.connectionId()).attributes())
                .updateExpression("ADD #version :one")
                .conditionExpression("#status = :pending AND #invitationId = :invitation")
                .expressionAttributeNames(Map.of("#version", VERSION, "#status", STATUS,
                        "#invitationId", INVITATION_ID))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":pending", AttributeValue.fromS(ConnectionStatus.PENDING.name()),
                        ":invitation", AttributeValue.fromS(lapsed.invitationId())))
                .build()).build();
        if (feeds.transact(List.of(due, connection), List.of(event), null)) {
            return true;
        }
        // Answered, replaced or deleted meanwhile (or reported by another read): nothing to report.
        table.transact(List.of(strikeOff(lapsed.instanceId(), lapsed.invitationId(), lapsed.expiresAt())), null);
        return false;
    }

    private static String dueSortKey(Instant expiresAt, String invitationId) {
        return DUE + "#" + SORTABLE_INSTANT.format(expiresAt) + "#" + invitationId;
    }
}
