package io.connectionbroker.domain;

import static io.connectionbroker.domain.TestBroker.toPrivate;
import static io.connectionbroker.domain.TestBroker.toUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectionbroker.domain.refusal.ConnectionNotFound;
import io.connectionbroker.domain.refusal.ConnectionStateConflict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionActivationTest {
    private final TestBroker broker = new TestBroker();
    private final ConnectionActivation activation = new ConnectionActivation(broker.store, broker.clock);
    private final Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);
    private final Instance beta = broker.instance("https://beta.freshdesk.com", Platform.FRESHDESK);

    private Connection active() {
        InitiateConnection.Initiated initiated = broker.commit(() -> broker.initiate.initiate(acme, toUrl("https://beta.freshdesk.com", Mode.BASIC)));
        return broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(initiated.code().reveal(), "HELP")));
    }

    @Test
    void eitherSideDeactivatesAnActiveConnectionAndActivatesItAgain() {
        Connection connection = active();
        broker.clock.advance(Duration.ofMinutes(1));

        Connection off = broker.commit(() -> activation.deactivate(beta, connection.id()));

        assertEquals(ConnectionStatus.DEACTIVATED, off.status());
        assertEquals(broker.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), off.updatedAt());
        assertEquals(off, broker.store.findConnection(connection.id()).orElseThrow());
        assertEquals(ConnectionStatus.ACTIVE, broker.commit(() -> activation.activate(acme, connection.id())).status());
        assertEquals(ConnectionStatus.DEACTIVATED, broker.commit(() -> activation.deactivate(acme, connection.id())).status());
    }

    @Test
    void onlyAnActiveConnectionDeactivatesAndOnlyADeactivatedOneActivates() {
        String pending = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC))).connection().id();
        String activeId = active().id();
        String deactivated = active().id();
        broker.commit(() -> activation.deactivate(acme, deactivated));

        assertEquals(ConnectionStatus.PENDING, refusedDeactivating(pending).status());
        assertEquals(ConnectionStatus.PENDING, refusedActivating(pending).status());
        assertEquals(ConnectionStatus.DEACTIVATED, refusedDeactivating(deactivated).status());
        assertEquals(ConnectionStatus.ACTIVE, refusedActivating(activeId).status());

        broker.clock.advance(Duration.ofHours(72));
        assertEquals(ConnectionStatus.EXPIRED, refusedDeactivating(pending).status());
        assertEquals(ConnectionStatus.EXPIRED, refusedActivating(pending).status());
    }

    @Test
    void aConnectionTheCallerIsNotASideOfIsNotFound() {
        Connection connection = active();
        Instance stranger = broker.instance("https://stranger.zendesk.com", Platform.ZENDESK);

        assertThrows(ConnectionNotFound.class, () -> broker.commit(() -> activation.deactivate(stranger, connection.id())));
        assertThrows(ConnectionNotFound.class, () -> broker.commit(() -> activation.activate(stranger, broker.entropy.uuid().toString())));
    }

    @Test
    void ofTwoConcurrentChangesOnlyOneApplies() {
        Connection connection = active();
        Connection stale = broker.store.findConnection(connection.id()).orElseThrow();
        broker.commit(() -> activation.deactivate(acme, connection.id()));

        assertEquals(false, broker.store.replaceConnection(
                stale.withStatus(ConnectionStatus.DEACTIVATED, broker.clock.instant()), java.util.List.of(), null));
    }

    private ConnectionStateConflict refusedDeactivating(String id) {
        return assertThrows(ConnectionStateConflict.class, () -> broker.commit(() -> activation.deactivate(acme, id)));
    }

    private ConnectionStateConflict refusedActivating(String id) {
        return assertThrows(ConnectionStateConflict.class, () -> broker.commit(() -> activation.activate(acme, id)));
    }
}
