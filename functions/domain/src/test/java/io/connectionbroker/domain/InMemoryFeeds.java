package io.connectionbroker.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The in-memory store's event feeds and its list of invitations by when they lapse; the store locks around it. */
final class InMemoryFeeds {
    private final Map<String, List<Event>> feeds = new HashMap<>();
    /** Invitations by id, until answered, deleted or reported lapsed (a replaced one stays until it lapses). */
    private final Map<String, ConnectionStore.LapsedInvitation> listed = new HashMap<>();

    void append(List<Event> events) {
        for (Event event : events) {
            for (String instanceId : event.feeds()) {
                feeds.computeIfAbsent(instanceId, id -> new ArrayList<>()).add(event);
            }
        }
    }

    List<ConnectionStore.FeedEntry> after(String instanceId, long after, int limit) {
        List<Event> feed = feeds.getOrDefault(instanceId, List.of());
        List<ConnectionStore.FeedEntry> page = new ArrayList<>();
        for (long position = after + 1; position <= feed.size() && page.size() < limit; position++) {
            page.add(new ConnectionStore.FeedEntry(position, feed.get((int) position - 1)));
        }
        return page;
    }

    void list(Connection connection, Invitation invitation) {
        listed.put(invitation.id(), new ConnectionStore.LapsedInvitation(connection.source().instanceId(),
                connection.id(), invitation.id(), invitation.expiresAt()));
    }

    void strikeOff(String invitationId) {
        listed.remove(invitationId);
    }

    List<ConnectionStore.LapsedInvitation> lapsed(String instanceId, Instant now, int limit) {
        return listed.values().stream().filter(due -> due.instanceId().equals(instanceId))
                .filter(due -> !now.isBefore(due.expiresAt()))
                .sorted(java.util.Comparator.comparing(ConnectionStore.LapsedInvitation::expiresAt)
                        .thenComparing(ConnectionStore.LapsedInvitation::invitationId))
                .limit(limit).toList();
    }

    /** Strikes the invitation off; whether it was still listed. */
    boolean take(ConnectionStore.LapsedInvitation lapsed) {
        return listed.remove(lapsed.invitationId()) != null;
    }
}
