package io.connectionbroker.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The instance half of the in-memory store (instances, their URLs and keys), with what both halves share: the
 * kept Idempotency-Key answers and the event feeds. One lock, the store's own, guards both halves.
 */
abstract class InMemoryInstanceRecords implements ConnectionStore {
    private final Map<String, Instance> instances = new HashMap<>();
    private final Map<InstanceUrl, String> instanceIdsByUrl = new HashMap<>();
    private final Map<InstanceUrl, String> formerHolders = new HashMap<>();
    private final Map<String, InstanceKey> keys = new HashMap<>();
    private final Map<String, IdempotencyRecord> kept = new HashMap<>();
    final InMemoryFeeds feeds = new InMemoryFeeds();

    /** Appends the events of a write that took effect; returns whether it did. */
    boolean wrote(java.util.List<Event> events, boolean written) {
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
    public synchronized Optional<IdempotencyRecord> findIdempotencyRecord(String scope, String key) {
        return Optional.ofNullable(kept.get(scope + "\n" + key));
    }

    /** Refuses the write, before it changes anything, when a live record holds the record's key. */
    void claim(IdempotencyRecord record) {
        if (record == null) {
            return;
        }
        IdempotencyRecord held = kept.get(record.scope() + "\n" + record.key());
        if (held != null && held.expiresAt().isAfter(record.keptAt())) {
            throw new IdempotencyKeyTaken();
        }
    }

    /** Keeps the record of a write that took effect; returns whether it did. */
    boolean keep(IdempotencyRecord record, boolean written) {
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
    public synchronized Optional<HeldKey> findHeldKey(String keyId) {
        return findKey(keyId).map(key -> new HeldKey(key, instances.get(key.instanceId())));
    }

    @Override
    public synchronized java.util.List<InstanceKey> findKeys(String instanceId) {
        return keys.values().stream().filter(key -> key.instanceId().equals(instanceId)).toList();
    }

    @Override
    public synchronized boolean addKey(Instance holder, InstanceKey key, int maxKeys, java.util.List<Event> events,
                                       IdempotencyRecord record) {
        claim(record);
        if (findKeys(key.instanceId()).size() >= maxKeys || keys.containsKey(key.keyId())) {
            return false;
        }
        keys.put(key.keyId(), key);
        return keep(record, wrote(events, true));
    }

    @Override
    public synchronized boolean replaceKeys(Instance instance, java.util.List<InstanceKey> revoked, InstanceKey added,
                                            java.util.List<Event> events, IdempotencyRecord record) {
        claim(record);
        String instanceId = instance.id();
        if (!instance.equals(instances.get(instanceId))) {
            return false;
        }
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

    @Override
    public synchronized void recordKeyUse(String keyId, java.time.Instant at, java.time.Instant since) {
        InstanceKey key = keys.get(keyId);
        if (key != null && (key.lastUsedAt() == null || key.lastUsedAt().isBefore(since))) {
            keys.put(keyId, new InstanceKey(key.keyId(), key.instanceId(), key.hash(), key.createdAt(), at));
        }
    }

}
