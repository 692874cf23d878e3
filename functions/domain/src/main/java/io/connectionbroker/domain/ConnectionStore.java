package io.connectionbroker.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Where instances, their keys, connections and invitations are kept. Every write that changes more than
 * one record is all-or-nothing.
 * <p>
 * Every write that changes something takes the {@link Event}s it makes and writes each into the feed of every
 * instance it names, in the same transaction as the change, after the events already there: one feed's events
 * are numbered without gaps or repeats in the order their changes were written.
 * <p>
 * The writes a POST makes take an {@link IdempotencyRecord} ({@code kept}, null for none): it is written in the
 * same transaction as the effect, on condition that no live record holds its scope and key; otherwise nothing
 * is written and {@link IdempotencyKeyTaken} is thrown, whatever else the write would have found.
 */
public interface ConnectionStore {

    /** The record kept under the scope and key, expired or not. */
    Optional<IdempotencyRecord> findIdempotencyRecord(String scope, String key);

    /**
     * Stores a new instance, claims its URL and stores its first key, all or nothing.
     *
     * @return false, storing nothing, when another instance holds the URL already
     */
    boolean registerInstance(Instance instance, InstanceKey key, java.util.List<Event> events, IdempotencyRecord kept);

    Optional<Instance> findInstance(String instanceId);

    /**
     * Sets an instance's licence and, when {@code trialEndsAt} is not null, when its trial ends; nothing else of
     * the instance changes.
     *
     * @return the instance as it is now, or empty, changing nothing, when there is no such instance
     */
    Optional<Instance> setLicense(String instanceId, License license, Instant trialEndsAt);

    /** The instance registered at the URL now (not one that moved away from it). */
    Optional<Instance> findInstanceByUrl(InstanceUrl url);

    /** The id of the instance that moved away from the URL, while nobody else has registered it since. */
    Optional<String> formerHolderOf(InstanceUrl url);

    /**
     * Moves an instance to another URL, all or nothing, on condition that the instance is still at
     * {@code instance.url()} and the new URL is free (or only someone's former URL); the old URL becomes the
     * instance's former URL, free for anyone to register.
     *
     * @return false, changing nothing, when the new URL is taken or the instance moved meanwhile
     */
    boolean changeUrl(Instance instance, InstanceUrl url, java.util.List<Event> events);

    /**
     * Shows the URL on the instance's side of every connection it is a side of, one connection at a time; each
     * write changes that side's URL only, on condition that the side is still the instance's, and counts as a
     * new version of the connection, so that no change decided before it writes the old URL back.
     */
    void moveSides(String instanceId, InstanceUrl url);

    /**
     * Keeps a request's answer for its Idempotency-Key on its own, for an operation whose effect took several
     * writes.
     *
     * @throws IdempotencyKeyTaken when a live record holds the key
     */
    void keep(IdempotencyRecord kept);

    Optional<InstanceKey> findKey(String keyId);

    /** The key and its instance, as authentication needs them; in one read where the store can. */
    Optional<HeldKey> findHeldKey(String keyId);

    /** Every key of the instance. */
    java.util.List<InstanceKey> findKeys(String instanceId);

    /**
     * Stores another key of an instance, all or nothing, on condition that the instance has fewer than
     * {@code maxKeys} keys, even under concurrent calls.
     *
     * @param holder the key's instance as the caller read it
     * @return false, storing nothing, when the instance has {@code maxKeys} keys already
     */
    boolean addKey(Instance holder, InstanceKey key, int maxKeys, java.util.List<Event> events, IdempotencyRecord kept);

    /**
     * Deletes a key, all or nothing, on condition that it exists and is not its instance's last key.
     *
     * @return false, deleting nothing, when it is the last key (or was revoked meanwhile)
     */
    boolean revokeKey(InstanceKey key, java.util.List<Event> events);

    /**
     * Replaces every key of an instance with one new key, all or nothing, on condition that the instance's
     * keys are still exactly {@code revoked} (none added or revoked meanwhile) and the instance is still as
     * {@code instance} has it.
     *
     * @return false, changing nothing, when the instance or its keys changed meanwhile
     */
    boolean replaceKeys(Instance instance, java.util.List<InstanceKey> revoked, InstanceKey added,
                        java.util.List<Event> events, IdempotencyRecord kept);

    /** Records that the key was used at {@code at}, unless it was recorded as used at or after {@code since}. */
    void recordKeyUse(String keyId, Instant at, Instant since);

    /** Stores a new connection together with its invitation and its sync rules, all or nothing. */
    void createConnection(Connection connection, Invitation invitation, java.util.Map<RuleSet.Owner, RuleSet> rules,
                          java.util.List<Event> events, IdempotencyRecord kept);

    Optional<RuleSet> findRules(String connectionId, RuleSet.Owner owner);

    /**
     * Replaces a set of rules on condition that its stored version is still {@code expectedVersion}.
     *
     * @return false, changing nothing, when the rules were changed meanwhile (or are gone)
     */
    boolean replaceRules(String connectionId, RuleSet.Owner owner, RuleSet next, int expectedVersion,
                         java.util.List<Event> events);

    Optional<Connection> findConnection(String connectionId);

    /**
     * A caller's key with its instance, and a connection, read together: what a read of one connection
     * authenticates and decides from. In one round trip where the store can; by default one read after the
     * other.
     */
    default KeyAndConnection findHeldKeyAndConnection(String keyId, String connectionId) {
        return new KeyAndConnection(findHeldKey(keyId), findConnection(connectionId));
    }

    /** What {@link #findHeldKeyAndConnection} found of each. */
    record KeyAndConnection(Optional<HeldKey> key, Optional<Connection> connection) {
    }

    /** The invitation, without anyone's wrong tries. */
    Optional<Invitation> findInvitation(String invitationId);

    /**
     * The invitation with the wrong codes the caller presented for it and the caller's lock, if any: each
     * caller's tries are its own, so nobody can lock another out.
     */
    Optional<Invitation> findInvitation(String invitationId, String callerId);

    /**
     * Counts a wrong code the caller presented for the invitation id, atomically, whether or not such an
     * invitation exists (both take the same path); when the caller's count reaches {@code limit}, locks the
     * caller out of it until {@code lockedUntil}. A lock that has lapsed by {@code now} starts the count afresh.
     */
    void recordWrongCode(String invitationId, String callerId, int limit, Instant now, Instant lockedUntil);

    /**
     * Records the invited side's answer on the invitation and stores the connection it changed (accepted
     * or declined), all or nothing, on condition that the invitation is still unanswered and the stored
     * connection is still the version the change was decided from, even under concurrent calls.
     *
     * @return false, changing nothing, when the invitation was answered (or the connection changed) meanwhile
     */
    boolean answerInvitation(Invitation invitation, Invitation.Answer answer, String answeredBy, Instant answeredAt,
                             Connection changed, java.util.List<Event> events, IdempotencyRecord kept);

    /**
     * Stores a changed connection on condition that the stored one is still the version the change was decided
     * from ({@link Connection#decidedFrom()}), so that of two concurrent changes only one applies.
     *
     * @return false, changing nothing, when the connection changed (or was deleted) meanwhile
     */
    boolean replaceConnection(Connection changed, java.util.List<Event> events, IdempotencyRecord kept);

    /**
     * Gives a pending connection a new invitation, all or nothing: stores the changed connection (which
     * names the new invitation), stores the new invitation and deletes the previous one, on condition that
     * the stored connection is still the version the change was decided from, so the previous code stops
     * working at once.
     *
     * @return false, changing nothing, when the connection changed (was accepted, declined, re-invited) meanwhile
     */
    boolean replaceInvitation(Connection changed, String previousInvitationId, Instant previousExpiresAt,
                              Invitation next, java.util.List<Event> events, IdempotencyRecord kept);

    /**
     * Stores the connection in its new mode and replaces all its rule sets with {@code rules}, all or
     * nothing, on condition that the stored connection is still the version the change was decided from.
     *
     * @return false, changing nothing, when the connection changed (or is gone)
     */
    boolean upgradeMode(Connection upgraded, java.util.Map<RuleSet.Owner, RuleSet> rules, java.util.List<Event> events,
                        IdempotencyRecord kept);

    /**
     * Deletes the connection, its invitation and its rules, all or nothing, on condition that the stored
     * connection is still the version given.
     *
     * @return false, deleting nothing, when the connection changed or was deleted meanwhile
     */
    boolean deleteConnection(Connection connection, java.util.List<Event> events);

    /**
     * The connections the instance is a side of (as source, or as destination once accepted), newest first.
     *
     * @param after a position from an earlier page, or null for the first page
     * @throws IllegalArgumentException when {@code after} is not a position this store hands out
     */
    default ConnectionPage findConnectionsOf(String instanceId, int limit, String after) {
        return findConnectionsOf(instanceId, limit, after, connection -> true);
    }

    /**
     * The connections the instance is a side of that {@code keep} keeps, newest first: the page is full unless
     * no more are kept, and {@code next} is the position after its last connection.
     *
     * @param keep decides on each connection as stored, so a filter on what a caller sees must apply
     *             {@link Connection#asSeenAt} itself
     * @throws IllegalArgumentException when {@code after} is not a position this store hands out
     */
    ConnectionPage findConnectionsOf(String instanceId, int limit, String after,
                                     java.util.function.Predicate<Connection> keep);

    /**
     * The events in the instance's feed after {@code after} (0 for the first), oldest first, at most
     * {@code limit}.
     */
    java.util.List<FeedEntry> findEvents(String instanceId, long after, int limit);

    /**
     * The unanswered invitations the instance made that lapsed by {@code now} and whose lapse is not in its feed
     * yet, soonest first, at most {@code limit}. A key range, never a scan: the store lists each invitation by
     * when it lapses as it writes it, and strikes it off the list when it is answered, replaced or deleted.
     */
    java.util.List<LapsedInvitation> findLapsedInvitations(String instanceId, Instant now, int limit);

    /**
     * The events after {@code after} as {@link #findEvents}, and the lapsed invitations not reported yet as
     * {@link #findLapsedInvitations} (at most {@code lapseLimit}), in one read as far as the store can: a feed
     * is polled far more often than anything in it changes.
     */
    default FeedRead readFeed(String instanceId, long after, int limit, Instant now, int lapseLimit) {
        java.util.List<LapsedInvitation> lapsed = findLapsedInvitations(instanceId, now, lapseLimit);
        return new FeedRead(findEvents(instanceId, after, limit), lapsed);
    }

    /** A read of a feed: a page of its events, and the lapsed invitations whose lapse is not among them yet. */
    record FeedRead(java.util.List<FeedEntry> entries, java.util.List<LapsedInvitation> lapsed) {
    }

    /**
     * Writes the lapse's event and strikes the invitation off the list, all or nothing, on condition that it is
     * still listed and unanswered; from then on the invitation can no longer be answered, even by an answer
     * decided before it lapsed.
     *
     * @return false, writing nothing, when it was answered, replaced, deleted or reported meanwhile
     */
    boolean reportLapse(LapsedInvitation lapsed, Event event);

    /** An event in one feed: its position there, 1 for the first. */
    record FeedEntry(long position, Event event) {
    }

    /** An invitation an instance made that lapsed unanswered, not reported in its feed yet. */
    record LapsedInvitation(String instanceId, String connectionId, String invitationId, Instant expiresAt) {
    }

    /**
     * One page of an instance's connections.
     *
     * @param next where the next page starts, or null when this is the last
     */
    record ConnectionPage(java.util.List<Connection> connections, String next) {
    }
}
