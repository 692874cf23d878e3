package io.connectionbroker.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A store for fast domain tests, held to the same contract as the DynamoDB store. */
public final class InMemoryConnectionStore extends InMemoryInstanceRecords {
    private final Map<String, Connection> connections = new HashMap<>();
    private final Map<String, Invitation> invitations = new HashMap<>();
    private final Map<String, RuleSet> rules = new HashMap<>();

    @Override
    public synchronized boolean reportLapse(LapsedInvitation lapsed, Event event) {
        Connection connection = connections.get(lapsed.connectionId());
        if (!feeds.take(lapsed) || connection == null || connection.status() != ConnectionStatus.PENDING
                || !connection.invitationId().equals(lapsed.invitationId())) {
            return false;
        }
        // Recorded on the connection as a new version, so that an answer decided before the lapse writes nothing.
        connections.put(connection.id(), new Connection(connection.id(), connection.status(), connection.type(),
                connection.mode(), connection.name(), connection.description(), connection.source(),
                connection.destination(), connection.invitationId(), connection.invitationExpiresAt(),
                connection.createdAt(), connection.updatedAt(), connection.version() + 1));
        return wrote(java.util.List.of(event), true);
    }

    @Override
    public synchronized void moveSides(String instanceId, InstanceUrl url) {
        connections.replaceAll((id, connection) -> !connection.hasSide(instanceId) ? connection
                : new Connection(connection.id(), connection.status(),
                connection.type(), connection.mode(), connection.name(), connection.description(),
                moved(connection.source(), instanceId, url), moved(connection.destination(), instanceId, url),
                connection.invitationId(), connection.invitationExpiresAt(), connection.createdAt(),
                connection.updatedAt(), connection.version() + 1));
    }

    private static Side moved(Side side, String instanceId, InstanceUrl url) {
        return instanceId.equals(side.instanceId())
                ? new Side(side.instanceId(), url, side.platform(), side.shortName(), side.project(), side.reachable())
                : side;
    }

    /** A caller's wrong tries at one invitation id. */
    private record Tries(int wrongCodes, Instant lockedUntil) {
    }

    private final Map<String, Tries> tries = new HashMap<>();

    @Override
    public synchronized Optional<Invitation> findInvitation(String invitationId, String callerId) {
        Tries mine = tries.getOrDefault(invitationId + "\n" + callerId, new Tries(0, null));
        return findInvitation(invitationId).map(found -> found.withTries(mine.wrongCodes(), mine.lockedUntil()));
    }

    @Override
    public synchronized void recordWrongCode(String invitationId, String callerId, int limit, Instant now,
                                             Instant lockedUntil) {
        String key = invitationId + "\n" + callerId;
        Tries before = tries.getOrDefault(key, new Tries(0, null));
        int wrong = before.lockedUntil() != null && !before.lockedUntil().isAfter(now) ? 1 : before.wrongCodes() + 1;
        tries.put(key, new Tries(wrong, wrong >= limit ? lockedUntil : null));
    }

    @Override
    public synchronized void createConnection(Connection connection, Invitation invitation,
                                              Map<RuleSet.Owner, RuleSet> ruleSets, java.util.List<Event> events,
                                              IdempotencyRecord record) {
        claim(record);
        keep(record, wrote(events, true));
        feeds.list(connection, invitation);
        connections.put(connection.id(), connection);
        invitations.put(invitation.id(), invitation);
        ruleSets.forEach((owner, set) -> rules.put(connection.id() + "/" + owner, set));
    }

    @Override
    public synchronized Optional<RuleSet> findRules(String connectionId, RuleSet.Owner owner) {
        return Optional.ofNullable(rules.get(connectionId + "/" + owner));
    }

    @Override
    public synchronized boolean replaceRules(String connectionId, RuleSet.Owner owner, RuleSet next,
                                             int expectedVersion, java.util.List<Event> events) {
        RuleSet current = rules.get(connectionId + "/" + owner);
        if (current == null || current.version() != expectedVersion) {
            return false;
        }
        rules.put(connectionId + "/" + owner, next);
        return wrote(events, true);
    }

    @Override
    public synchronized Optional<Connection> findConnection(String connectionId) {
        return Optional.ofNullable(connections.get(connectionId));
    }

    @Override
    public synchronized Optional<Invitation> findInvitation(String invitationId) {
        return Optional.ofNullable(invitations.get(invitationId));
    }

    @Override
    public synchronized boolean answerInvitation(Invitation invitation, Invitation.Answer answer, String answeredBy,
                                                 Instant answeredAt, Connection changed, java.util.List<Event> events,
                                                 IdempotencyRecord record) {
        claim(record);
        Invitation stored = invitations.get(invitation.id());
        Connection current = connections.get(changed.id());
        if (stored == null || stored.isAnswered() || !isVersion(current, changed.decidedFrom())) {
            return false;
        }
        invitations.put(stored.id(), new Invitation(stored.id(), stored.connectionId(), stored.hash(),
                stored.expiresAt(), answer, answeredAt, answeredBy, stored.wrongCodes(), stored.lockedUntil()));
        connections.put(changed.id(), changed);
        feeds.strikeOff(stored.id());
        return keep(record, wrote(events, true));
    }

    @Override
    public synchronized ConnectionPage findConnectionsOf(String instanceId, int limit, String after,
                                                         java.util.function.Predicate<Connection> keep) {
        java.util.Comparator<Connection> newestFirst = java.util.Comparator.comparing(Connection::createdAt)
                .thenComparing(Connection::id).reversed();
        Connection start = after == null ? null : position(after);
        java.util.List<Connection> mine = connections.values().stream()
                .filter(connection -> connection.hasSide(instanceId))
                .filter(keep)
                .sorted(newestFirst)
                .filter(connection -> start == null || newestFirst.compare(connection, start) > 0)
                .toList();
        java.util.List<Connection> page = mine.subList(0, Math.min(limit, mine.size()));
        Connection last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new ConnectionPage(page, mine.size() > limit ? last.createdAt().toEpochMilli() + "#" + last.id() : null);
    }

    /** A stand-in holding just what ordering needs, read from a position. */
    private static Connection position(String after) {
        String[] parts = after.split("#", 2);
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,15}")) {
            throw new IllegalArgumentException("not a position: " + after);
        }
        return new Connection(parts[1], null, null, null, null, null, null, null, null, null,
                Instant.ofEpochMilli(Long.parseLong(parts[0])), null, 0);
    }

    @Override
    public synchronized boolean replaceInvitation(Connection changed, String previousInvitationId,
                                                  Instant previousExpiresAt, Invitation next,
                                                  java.util.List<Event> events, IdempotencyRecord record) {
        claim(record);
        Connection current = connections.get(changed.id());
        if (!isVersion(current, changed.decidedFrom())) {
            return false;
        }
        connections.put(changed.id(), changed);
        invitations.remove(previousInvitationId);
        invitations.put(next.id(), next);
        feeds.strikeOff(previousInvitationId);
        feeds.list(changed, next);
        return keep(record, wrote(events, true));
    }

    @Override
    public synchronized boolean upgradeMode(Connection upgraded, Map<RuleSet.Owner, RuleSet> ruleSets,
                                            java.util.List<Event> events, IdempotencyRecord record) {
        claim(record);
        Connection current = connections.get(upgraded.id());
        if (!isVersion(current, upgraded.decidedFrom())) {
            return false;
        }
        connections.put(upgraded.id(), upgraded);
        for (RuleSet.Owner owner : RuleSet.Owner.values()) {
            rules.remove(upgraded.id() + "/" + owner);
        }
        ruleSets.forEach((owner, set) -> rules.put(upgraded.id() + "/" + owner, set));
        return keep(record, wrote(events, true));
    }

    @Override
    public synchronized boolean deleteConnection(Connection connection, java.util.List<Event> events) {
        if (!isVersion(connections.get(connection.id()), connection.version())) {
            return false;
        }
        connections.remove(connection.id());
        invitations.remove(connection.invitationId());
        for (RuleSet.Owner owner : RuleSet.Owner.values()) {
            rules.remove(connection.id() + "/" + owner);
        }
        feeds.strikeOff(connection.invitationId());
        return wrote(events, true);
    }

    @Override
    public synchronized boolean replaceConnection(Connection changed, java.util.List<Event> events,
                                                  IdempotencyRecord record) {
        claim(record);
        if (!isVersion(connections.get(changed.id()), changed.decidedFrom())) {
            return false;
        }
        connections.put(changed.id(), changed);
        return keep(record, wrote(events, true));
    }

    private static boolean isVersion(Connection stored, long version) {
        return stored != null && stored.version() == version;
    }
}
