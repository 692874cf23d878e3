package io.connectionbroker.domain;

import static io.connectionbroker.domain.TestBroker.toPrivate;
import static io.connectionbroker.domain.TestBroker.toUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.refusal.ConnectionNotAllowed;
import org.junit.jupiter.api.Test;

/** The record says which sides can be reached; nothing is ever pushed to a private destination. */
class PrivateConnectionTest {
    private final TestBroker broker = new TestBroker();
    private final Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);

    private Connection accept(Instance acceptor, InitiateConnection.Initiated initiated) {
        return broker.commit(() -> broker.accept.accept(acceptor, new AcceptInvitation.Command(initiated.code().reveal(), "HELP")));
    }

    @Test
    void aPrivateDestinationIsNeverReachableNorItsUrlKnownUntilItAccepts() {
        InitiateConnection.Initiated initiated = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC)));
        Connection pending = broker.store.findConnection(initiated.connection().id()).orElseThrow();
        assertEquals(Boolean.FALSE, pending.destination().reachable());
        assertNull(pending.destination().url());
        assertFalse(pending.pushesToDestination());
        assertEquals(Boolean.TRUE, pending.source().reachable());

        Instance publicAcceptor = broker.instance("https://open.freshdesk.com", Platform.FRESHDESK);
        Connection accepted = accept(publicAcceptor, initiated);

        assertEquals(Boolean.FALSE, accepted.destination().reachable(), "a private connection stays unpushed");
        assertFalse(broker.store.findConnection(accepted.id()).orElseThrow().pushesToDestination());
        assertEquals(publicAcceptor.url(), accepted.destination().url());
    }

    @Test
    void aPublicDestinationIsReachableWhenItsInstanceIsPublicAndUnknownUntilThen() {
        InitiateConnection.Initiated unregistered = broker.commit(() -> broker.initiate.initiate(acme,
                toUrl("https://later.freshdesk.com", Mode.BASIC)));
        assertNull(unregistered.connection().destination().reachable());
        assertFalse(unregistered.connection().pushesToDestination());
        Instance later = broker.instance("https://later.freshdesk.com", Platform.FRESHDESK);
        assertTrue(accept(later, unregistered).pushesToDestination());

        Instance closed = broker.instance("https://closed.freshdesk.com", Platform.FRESHDESK, License.PAID, false);
        InitiateConnection.Initiated toClosed = broker.commit(() -> broker.initiate.initiate(acme, toUrl("https://closed.freshdesk.com", Mode.BASIC)));
        assertEquals(Boolean.FALSE, toClosed.connection().destination().reachable());
        assertFalse(accept(closed, toClosed).pushesToDestination());
    }

    @Test
    void aPrivateInitiatorIsNotReachableEither() {
        Instance hidden = broker.instance("https://hidden.zendesk.com", Platform.ZENDESK, License.PAID, false);

        Connection connection = broker.commit(() -> broker.initiate.initiate(hidden, toUrl("https://acme.zendesk.com", Mode.BASIC))).connection();

        assertEquals(Boolean.FALSE, connection.source().reachable());
        assertEquals(Boolean.TRUE, connection.destination().reachable());
    }

    @Test
    void twoPrivateSidesNeverConnectHoweverTheDestinationIsNamed() {
        Instance closed = broker.instance("https://closed.zendesk.com", Platform.ZENDESK, License.PAID, false);
        Instance vault = broker.instance("https://vault.freshdesk.com", Platform.FRESHDESK, License.PAID, false);

        assertThrows(ConnectionNotAllowed.class,
                () -> broker.commit(() -> broker.initiate.initiate(closed, toUrl("https://vault.freshdesk.com", Mode.BASIC))));

        InitiateConnection.Initiated toUnregistered = broker.commit(() -> broker.initiate.initiate(closed,
                toUrl("https://later.freshdesk.com", Mode.BASIC)));
        Instance later = broker.instance("https://later.freshdesk.com", Platform.FRESHDESK, License.PAID, false);
        assertThrows(ConnectionNotAllowed.class, () -> accept(later, toUnregistered));
        assertEquals(ConnectionStatus.PENDING,
                broker.store.findConnection(toUnregistered.connection().id()).orElseThrow().status());

        // One public side is enough, either way round; and a private instance connects its own projects.
        assertEquals(ConnectionStatus.ACTIVE, accept(acme,
                broker.commit(() -> broker.initiate.initiate(closed, toUrl("https://acme.zendesk.com", Mode.BASIC)))).status());
        assertEquals(ConnectionStatus.ACTIVE, accept(vault,
                broker.commit(() -> broker.initiate.initiate(acme, toUrl("https://vault.freshdesk.com", Mode.BASIC)))).status());
        assertEquals(ConnectionStatus.ACTIVE, accept(closed,
                broker.commit(() -> broker.initiate.initiate(closed, toUrl("https://closed.zendesk.com", Mode.BASIC)))).status());
    }
}
