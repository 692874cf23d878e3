package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConnectionStore} must do with events: each change's events in each feed they name, in the
 * same write, at positions without gaps or repeats even when changes append at once; and lapsed invitations
 * found by time and reported once, after which no answer decided earlier is written.
 */
public abstract class EventFeedContract {
    protected final Entropy entropy = new SecureEntropy();
    protected final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final Actor actor = new Actor("actor-instance", "actor-key");

    protected abstract ConnectionStore store();

    protected Event event(EventType type, Connection connection, String... feeds) {
        return new Event(Event.newId(), type, now, connection.id(), actor, Event.data("n", 1, "flag", true,
                "text", "t", "none", null), List.of(feeds));
    }

    protected Connection pending(String initiatorId, Instant expiresAt) {
        Side source = new Side(initiatorId, InstanceUrl.parse("url", "https://acme.zendesk.com"), Platform.ZENDESK,
                "acme", "SUPPORT");
        return new Connection(entropy.uuid().toString(), ConnectionStatus.PENDING, ConnectionType.PRIVATE, Mode.BASIC,
                "acme_to_beta", null, source, new Side(null, null, null, "beta", null),
                InvitationCode.issue(entropy).id(), expiresAt, now, now, Connection.FIRST_VERSION);
    }

    protected Invitation invitationOf(Connection connection) {
        return new Invitation(connection.invitationId(), connection.id(), SecretHash.of("code"),
                connection.invitationExpiresAt(), null, null, null);
    }

    protected Connection create(String initiatorId, Instant expiresAt, List<Event> events) {
        Connection connection = pending(initiatorId, expiresAt);
        store().createConnection(connection, invitationOf(connection), DefaultRules.forMode(Mode.BASIC), events, null);
        return connection;
    }

    /** A new pending connection whose initiation is in its initiator's feed, as every initiation's is. */
    protected Connection createAnnounced(String initiatorId, Instant expiresAt) {
        Connection connection = pending(initiatorId, expiresAt);
        store().createConnection(connection, invitationOf(connection), DefaultRules.forMode(Mode.BASIC),
                List.of(event(EventType.CONNECTION_INITIATED, connection, initiatorId)), null);
        return connection;
    }

    /** The connection as its acceptance writes it, decided from the connection as given. */
    protected Connection accepted(Connection connection) {
        return new Connection(connection.id(), ConnectionStatus.ACTIVE, connection.type(), connection.mode(),
                connection.name(), null, connection.source(), connection.destination(), connection.invitationId(),
                connection.invitationExpiresAt(), now, now, connection.version() + 1);
    }

    /** The invitations a read of the instance's feed at {@code at} finds lapsed, by id. */
    protected List<String> lapsedAt(String instanceId, Instant at) {
        return store().readFeed(instanceId, 0, 100, at, 25).lapsed().stream()
                .map(ConnectionStore.LapsedInvitation::invitationId).toList();
    }

    private List<Event> feed(String instanceId) {
        List<ConnectionStore.FeedEntry> entries = store().findEvents(instanceId, 0, 100);
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(i + 1, entries.get(i).position(), "positions run 1, 2, 3...");
        }
        return entries.stream().map(ConnectionStore.FeedEntry::event).toList();
    }

    @Test
    public void aChangesEventIsInEachFeedItNamesAfterWhatIsThereAndAFailedChangeWritesNone() {
        String a = "a-" + entropy.uuid();
        String b = "b-" + entropy.uuid();
        Connection connection = pending(a, now.plus(Duration.ofHours(1)));
        Event initiated = event(EventType.CONNECTION_INITIATED, connection, a);
        store().createConnection(connection, invitationOf(connection), DefaultRules.forMode(Mode.BASIC),
                List.of(initiated), null);
        Connection changed = connection.withStatus(ConnectionStatus.DEACTIVATED, now);
        Event both = event(EventType.CONNECTION_DEACTIVATED, changed, a, b);
        assertTrue(store().replaceConnection(changed, List.of(both), null));
        assertFalse(store().replaceConnection(changed, List.of(event(EventType.CONNECTION_ACTIVATED, changed, a, b)),
                null), "decided from a stale version");

        List<Event> ofA = feed(a);
        assertEquals(List.of(initiated.id(), both.id()), ofA.stream().map(Event::id).toList());
        assertEquals(List.of(both.id()), feed(b).stream().map(Event::id).toList());
        Event read = ofA.get(1);
        assertEquals(EventType.CONNECTION_DEACTIVATED, read.type());
        assertEquals(connection.id(), read.connectionId());
        assertEquals(actor, read.actor());
        assertEquals(now, read.occurredAt());
        assertEquals(Map.of("n", 1L, "flag", true, "text", "t"), Map.of("n", ((Number) read.data().get("n")).longValue(),
                "flag", read.data().get("flag"), "text", read.data().get("text")));
        assertTrue(read.data().containsKey("none") && read.data().get("none") == null, "a null is kept as null");
        assertEquals(List.of(both.id()), store().findEvents(a, 1, 100).stream().map(e -> e.event().id()).toList(),
                "after a position, only what follows it");
        assertEquals(1, store().findEvents(a, 0, 1).size(), "at most the limit");
    }

    @Test
    public void changesAppendingToOneFeedAtOnceGetDistinctPositionsWithoutGaps() throws Exception {
        String a = "a-" + entropy.uuid();
        int changes = 16;
        ExecutorService pool = Executors.newFixedThreadPool(changes);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> made = new ArrayList<>();
        try {
            for (int i = 0; i < changes; i++) {
                made.add(pool.submit(() -> {
                    start.await();
                    Connection connection = pending(a, now.plus(Duration.ofHours(1)));
                    Event event = event(EventType.CONNECTION_INITIATED, connection, a);
                    // A change still waiting for the feed after a while is refused, having written nothing, and
                    // sent again, as a caller told 503 would.
                    for (int tries = 1; ; tries++) {
                        try {
                            store().createConnection(connection, invitationOf(connection),
                                    DefaultRules.forMode(Mode.BASIC), List.of(event), null);
                            return event.id();
                        } catch (io.connectionbroker.domain.refusal.StoreUnavailable busy) {
                            assertTrue(tries < 20, "still refused after " + tries + " tries");
                        }
                    }
                }));
            }
            start.countDown();
            List<String> written = new ArrayList<>();
            for (Future<String> one : made) {
                written.add(one.get());
            }
            List<String> inFeed = feed(a).stream().map(Event::id).toList();
            assertEquals(changes, inFeed.size(), inFeed.toString());
            assertEquals(new java.util.HashSet<>(written), new java.util.HashSet<>(inFeed));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void aLapsedInvitationIsFoundByTimeReportedOnceAndThenNoEarlierAnswerIsWritten() {
        String a = "a-" + entropy.uuid();
        Instant lapses = now.plus(Duration.ofHours(1));
        Connection connection = create(a, lapses, List.of());
        Connection later = create(a, lapses.plus(Duration.ofMinutes(1)), List.of());
        assertEquals(List.of(), store().findLapsedInvitations(a, lapses.minusMillis(1), 10));
        List<ConnectionStore.LapsedInvitation> lapsed = store().findLapsedInvitations(a, lapses, 10);
        assertEquals(List.of(new ConnectionStore.LapsedInvitation(a, connection.id(), connection.invitationId(), lapses)),
                lapsed, "exactly when it lapses, and not the one lapsing later");

        Event expired = event(EventType.INVITATION_EXPIRED, connection, a);
        assertTrue(store().reportLapse(lapsed.get(0), expired));
        assertFalse(store().reportLapse(lapsed.get(0), event(EventType.INVITATION_EXPIRED, connection, a)), "once");
        assertEquals(List.of(expired.id()), feed(a).stream().map(Event::id).toList());
        assertEquals(List.of(later.invitationId()), store().findLapsedInvitations(a, lapses.plus(Duration.ofDays(1)), 10)
                .stream().map(ConnectionStore.LapsedInvitation::invitationId).toList());

        // An acceptance decided from the connection as it was before the report writes nothing.
        assertFalse(store().answerInvitation(invitationOf(connection), Invitation.Answer.ACCEPTED, "b", now,
                accepted(connection), List.of(), null));
    }

    @Test
    public void anInvitationAnsweredReplacedOrDeletedLeavesTheList() {
        String a = "a-" + entropy.uuid();
        Instant lapses = now.plus(Duration.ofHours(1));
        Connection answered = create(a, lapses, List.of());
        Connection replaced = create(a, lapses, List.of());
        Connection deleted = create(a, lapses, List.of());
        assertTrue(store().answerInvitation(invitationOf(answered), Invitation.Answer.ACCEPTED, "b", now,
                accepted(answered), List.of(), null));
        Connection reinvited = replaced.reinvited(InvitationCode.issue(entropy).id(), lapses.plus(Duration.ofDays(3)), now);
        assertTrue(store().replaceInvitation(reinvited, replaced.invitationId(), replaced.invitationExpiresAt(),
                invitationOf(reinvited), List.of(), null));
        assertTrue(store().deleteConnection(deleted, List.of()));

        Instant after = lapses.plus(Duration.ofMinutes(1));
        assertEquals(List.of(), store().findLapsedInvitations(a, after, 10), "struck off by each write");
        assertEquals(List.of(), feed(a));
        assertEquals(1, store().findLapsedInvitations(a, lapses.plus(Duration.ofDays(4)), 10).size(),
                "the new invitation is listed in its place");
    }

    @Test
    public void aReadOfTheFeedFindsEachLapseWhenDueWhateverWasAnsweredOrListedBetween() {
        String a = "a-" + entropy.uuid();
        Instant first = now.plus(Duration.ofHours(1));
        Connection answered = createAnnounced(a, first);
        ConnectionStore.FeedRead read = store().readFeed(a, 0, 10, now, 25);
        assertEquals(List.of(answered.id()), read.entries().stream().map(entry -> entry.event().connectionId())
                .toList(), "the events, as findEvents reads them");
        assertEquals(List.of(), read.lapsed(), "nothing lapsed yet");
        assertTrue(store().answerInvitation(invitationOf(answered), Invitation.Answer.ACCEPTED, "b", now,
                accepted(answered), List.of(), null));
        assertEquals(List.of(), lapsedAt(a, first.plusSeconds(1)), "answered before it lapsed");

        Connection later = createAnnounced(a, first.plus(Duration.ofHours(3)));
        // Listed after the other, lapsing before it, by a write without an event; then one lapsing after both.
        Connection sooner = create(a, first.plus(Duration.ofHours(2)), List.of());
        createAnnounced(a, first.plus(Duration.ofHours(4)));
        assertEquals(List.of(), lapsedAt(a, first.plus(Duration.ofHours(2)).minusMillis(1)));
        assertEquals(List.of(sooner.invitationId()), lapsedAt(a, first.plus(Duration.ofHours(2))));
        Instant both = first.plus(Duration.ofHours(3));
        assertEquals(List.of(sooner.invitationId(), later.invitationId()), lapsedAt(a, both));
        assertEquals(List.of(sooner.invitationId()), store().readFeed(a, 0, 10, both, 1).lapsed().stream()
                .map(ConnectionStore.LapsedInvitation::invitationId).toList(), "at most as many as asked");

        assertTrue(store().reportLapse(store().readFeed(a, 0, 10, both, 1).lapsed().get(0),
                event(EventType.INVITATION_EXPIRED, sooner, a)));
        assertEquals(List.of(later.invitationId()), lapsedAt(a, both), "a reported lapse is not found again");
        List<ConnectionStore.FeedEntry> entries = store().readFeed(a, 0, 10, both, 25).entries();
        assertEquals(EventType.INVITATION_EXPIRED, entries.get(entries.size() - 1).event().type(),
                "and its event ends the feed");
    }
}
