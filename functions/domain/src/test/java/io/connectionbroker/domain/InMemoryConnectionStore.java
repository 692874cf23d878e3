package io.connectionbroker.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A store for fast domain tests, held to the same contract as the DynamoDB store. */
public final class InMemoryConnectionStore implements ConnectionStore {
    private final Map<String, Instance> instances = new HashMap<>();
    private final Map<InstanceUrl, String> instanceIdsByUrl = new HashMap<>();
    private final Map<InstanceUrl, String> formerHolders = new HashMap<>();
    private final Map<String, InstanceKey> keys = new HashMap<>();
    private final Map<String, Connection> connections = new HashMap<>();
    private final Map<String, Invitation> invitations = new HashMap<>();
    private final Map<String, RuleSet> rules = new HashMap<>();
    private final Map<String, IdempotencyRecord> kept = new HashMap<>();
    private final InMemoryFeeds feeds = new InMemoryFeeds();

    /** Appends the events of a write that took effect; returns whether it did. */
    private boolean wrote(java.util.List<Event> events, boolean written) {
        if (written) {
            feeds.append(events);
        }
        return written;
    }

    @Override
    public synchronized java.util.List<FeedEntry> findEvents(String instanceId, long after, int limit) {
        return feeds.after(instanceId, after, limit);
    }

    @Override
    public synchronized java.util.List<LapsedInvitation> findLapsedInvitations(String instanceId, Instant now,
                                                                               int limit) {
        return feeds.lapsed(instanceId, now, limit);
    }

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
    public synchronized Optional<IdempotencyRecord> findIdempotencyRecord(String scope, String key) {
        return Optional.ofNullable(kept.get(scope + "\n" + key));
    }

    /** Refuses the write, before it changes anything, when a live record holds the record's key. */
    private void claim(IdempotencyRecord record) {
        if (record == null) {
            return;
        }
        IdempotencyRecord held = kept.get(record.scope() + "\n" + record.key());
        if (held != null && held.expiresAt().isAfter(record.keptAt())) {
            throw new IdempotencyKeyTaken();
        }
    }

    /** Keeps the record of a write that took effect; returns whether it did. */
    private boolean keep(IdempotencyRecord record, boolean written) {
        if (record != null && written) {
            kept.put(record.scope() + "\n" + record.key(), record);
        }
        return written;
    }

    @Override
    public synchronized boolean registerInstance(Instance instance, InstanceKey key, java.util.List<Event> events,
                                                 IdempotencyRecord record) {
        claim(record);
        if (instanceIdsByUrl.containsKey(instance.url())) {
            return false;
        }
        instanceIdsByUrl.put(instance.url(), instance.id());
        formerHolders.remove(instance.url());
        instances.put(instance.id(), instance);
        keys.put(key.keyId(), key);
        return keep(record, wrote(events, true));
    }

    @Override
    public synchronized Optional<String> formerHolderOf(InstanceUrl url) {
        return Optional.ofNullable(formerHolders.get(url));
    }

    @Override
    public synchronized boolean changeUrl(Instance instance, InstanceUrl url, java.util.List<Event> events) {
        Instance current = instances.get(instance.id());
        if (current == null || !current.url().equals(instance.url()) || instanceIdsByUrl.containsKey(url)) {
            return false;
        }
        instanceIdsByUrl.remove(instance.url());
        formerHolders.put(instance.url(), instance.id());
        formerHolders.remove(url);
        instanceIdsByUrl.put(url, instance.id());
        instances.put(instance.id(), current.withUrl(url));
        return wrote(events, true);
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

    @Override
    public synchronized void keep(IdempotencyRecord record) {
        claim(record);
        keep(record, true);
    }

    @Override
    public synchronized Optional<Instance> findInstance(String instanceId) {
        return Optional.ofNullable(instances.get(instanceId));
    }

    @Override
    public synchronized Optional<Instance> setLicense(String instanceId, License license, Instant trialEndsAt) {
        Instance current = instances.get(instanceId);
        if (current == null) {
            return Optional.empty();
        }
        Instance changed = new Instance(current.id(), current.url(), current.platform(), license,
                trialEndsAt != null ? trialEndsAt : current.trialEndsAt(), current.isPublic(), current.createdAt());
        instances.put(instanceId, changed);
        return Optional.of(changed);
    }

    @Override
    public synchronized Optional<Instance> findInstanceByUrl(InstanceUrl url) {
        return Optional.ofNullable(instanceIdsByUrl.get(url)).map(instances::get);
    }

    @Override
    public synchronized Optional<InstanceKey> findKey(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    @Override
    public synchronized java.util.List<InstanceKey> findKeys(String instanceId) {
        return keys.values().stream().filter(key -> key.instanceId().equals(instanceId)).toList();
    }

    @Override
    public synchronized boolean addKey(InstanceKey key, int maxKeys, java.util.List<Event> events,
                                       IdempotencyRecord record) {
        claim(record);
        if (findKeys(key.instanceId()).size() >= maxKeys || keys.containsKey(key.keyId())) {
            return false;
        }
        keys.put(key.keyId(), key);
        return keep(record, wrote(events, true));
    }

    @Override
    public synchronized boolean replaceKeys(String instanceId, java.util.List<InstanceKey> revoked, InstanceKey added,
                                            java.util.List<Event> events, IdempotencyRecord record) {
        claim(record);
        java.util.Set<String> current = new java.util.HashSet<>(findKeys(instanceId).stream().map(InstanceKey::keyId).toList());
        if (!current.equals(new java.util.HashSet<>(revoked.stream().map(InstanceKey::keyId).toList()))
                || keys.containsKey(added.keyId())) {
            return false;
        }
        current.forEach(keys::remove);
        keys.put(added.keyId(), added);
        return keep(record, wrote(events, true));
    }

    @Override
    public synchronized boolean revokeKey(InstanceKey key, java.util.List<Event> events) {
        if (!keys.containsKey(key.keyId()) || findKeys(key.instanceId()).size() <= 1) {
            return false;
        }
        keys.remove(key.keyId());
        return wrote(events, true);
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
    public synchronized void recordKeyUse(String keyId, java.time.Instant at, java.time.Instant since) {
        InstanceKey key = keys.get(keyId);
        if (key != null && (key.lastUsedAt() == null || key.lastUsedAt().isBefore(since))) {
            keys.put(keyId, new InstanceKey(key.keyId(), key.instanceId(), key.hash(), key.createdAt(), at));
        }
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
    public synchronized boolean replaceInvitation(Connection changed, String previousInvitationId, Invitation next,
                                                  java.util.List<Event> events, IdempotencyRecord record) {
        claim(record);
        Connection current = connections.get(changed.id());
        if (!isVersion(current, changed.decidedFrom())) {
            return false;
        }
        connections.put(changed.id(), changed);
        invitations.remove(previousInvitationId);
        invitations.put(next.id(), next);
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
