package io.connectionbroker.domain;

import static io.connectionbroker.domain.TestBroker.toPrivate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.refusal.InvalidRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListConnectionsTest {
    private final TestBroker broker = new TestBroker();
    private final ListConnections list = new ListConnections(broker.store, broker.clock, new IssuedCursors());
    private final Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);
    private final Instance beta = broker.instance("https://beta.freshdesk.com", Platform.FRESHDESK);

    private List<String> initiate(int count) {
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            broker.clock.advance(Duration.ofSeconds(1));
            newestFirst.add(0, broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC))).connection().id());
        }
        return newestFirst;
    }

    @Test
    void pagesFollowTheCursorUntilItIsNull() {
        List<String> ids = initiate(25);

        ListConnections.Page first = list.list(acme, null, null, null);
        ListConnections.Page second = list.list(acme, null, first.next(), null);

        assertEquals(ids.subList(0, 20), first.connections().stream().map(Connection::id).toList());
        assertEquals(ids.subList(20, 25), second.connections().stream().map(Connection::id).toList());
        assertNull(second.next());
    }

    @Test
    void aLapsedInvitationShowsAsExpiredInTheList() {
        initiate(1);
        broker.clock.advance(Duration.ofHours(72));

        assertEquals(ConnectionStatus.EXPIRED, list.list(acme, 10, null, null).connections().get(0).status());
    }

    @Test
    void theLimitIsFrom1To100() {
        initiate(3);
        assertEquals(1, list.list(acme, 1, null, null).connections().size());
        assertEquals(3, list.list(acme, 100, null, null).connections().size());

        for (int limit : new int[] {0, -1, 101}) {
            InvalidRequest refused = assertThrows(InvalidRequest.class, () -> list.list(acme, limit, null, null));
            assertEquals("limit", refused.errors().get(0).field());
        }
    }

    @Test
    void anotherInstancesCursorIsRefused() {
        initiate(3);
        String acmesCursor = list.list(acme, 1, null, null).next();

        InvalidRequest refused = assertThrows(InvalidRequest.class, () -> list.list(beta, 1, acmesCursor, null));

        assertEquals("cursor", refused.errors().get(0).field());
        assertTrue(refused.detail().contains("another instance"), refused.detail());
    }

    @Test
    void aCursorTheServiceDidNotGiveOutIsRefusedEvenForTheCallersOwnList() {
        initiate(3);
        String realPosition = broker.store.findConnectionsOf(acme.id(), 1, null).next();
        String madeUpForItsOwnList = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((acme.id() + "|" + realPosition).getBytes());

        for (String forged : new String[] {"nonsense!", "YWJj", madeUpForItsOwnList, ""}) {
            InvalidRequest refused = assertThrows(InvalidRequest.class, () -> list.list(acme, 1, forged, null), forged);
            assertEquals("cursor", refused.errors().get(0).field());
            assertTrue(refused.detail().contains("not a cursor this API gave out"), refused.detail());
        }
    }

    @Test
    void theStatusFilterKeepsOnlyThatStatusAsTheCallerSeesItAndPagesFull() {
        List<String> lapsed = initiate(3);
        broker.clock.advance(Duration.ofHours(72));
        List<String> pending = initiate(4);

        ListConnections.Page expired = list.list(acme, 2, null, "EXPIRED");
        ListConnections.Page expiredRest = list.list(acme, 2, expired.next(), "EXPIRED");
        ListConnections.Page stillPending = list.list(acme, 10, null, "PENDING");

        assertEquals(lapsed.subList(0, 2), expired.connections().stream().map(Connection::id).toList());
        assertEquals(lapsed.subList(2, 3), expiredRest.connections().stream().map(Connection::id).toList());
        assertNull(expiredRest.next());
        assertTrue(expired.connections().stream().allMatch(c -> c.status() == ConnectionStatus.EXPIRED));
        assertEquals(pending, stillPending.connections().stream().map(Connection::id).toList());
        assertEquals(List.of(), list.list(acme, 10, null, "ACTIVE").connections());
    }

    @Test
    void anUnknownStatusIsRefusedNotIgnored() {
        initiate(1);
        for (String unknown : new String[] {"active", "", "GONE", "PENDING,ACTIVE"}) {
            InvalidRequest refused = assertThrows(InvalidRequest.class, () -> list.list(acme, 10, null, unknown));
            assertEquals("status", refused.errors().get(0).field());
            assertTrue(refused.detail().contains("PENDING, ACTIVE, EXPIRED, DECLINED, DEACTIVATED"), refused.detail());
        }
    }
}
