package io.connectionbroker.domain;

import static io.connectionbroker.domain.TestBroker.toPrivate;
import static io.connectionbroker.domain.TestBroker.toUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectionbroker.domain.refusal.ConnectionNotFound;
import io.connectionbroker.domain.refusal.InvitationNotFound;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeleteConnectionTest {
    private final TestBroker broker = new TestBroker();
    private final DeleteConnection delete = new DeleteConnection(broker.store, broker.clock);
    private final DeclineInvitation decline = new DeclineInvitation(broker.store, broker.clock);
    private final ConnectionActivation activation = new ConnectionActivation(broker.store, broker.clock);
    private final Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);
    private final Instance beta = broker.instance("https://beta.freshdesk.com", Platform.FRESHDESK);

    @Test
    void eitherSideDeletesInEveryStatusAndTheConnectionAndItsInvitationAreGone() {
        InitiateConnection.Initiated pending = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC)));
        InitiateConnection.Initiated active = broker.commit(() -> broker.initiate.initiate(acme, toUrl("https://beta.freshdesk.com", Mode.BASIC)));
        broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(active.code().reveal(), "HELP")));
        InitiateConnection.Initiated deactivated = broker.commit(() -> broker.initiate.initiate(acme, toUrl("https://beta.freshdesk.com", Mode.BASIC)));
        broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(deactivated.code().reveal(), "HELP")));
        broker.commit(() -> activation.deactivate(acme, deactivated.connection().id()));
        InitiateConnection.Initiated declined = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC)));
        broker.commit(() -> decline.decline(beta, declined.code().reveal()));
        InitiateConnection.Initiated expired = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC)));
        broker.clock.advance(Duration.ofHours(72));

        broker.commit(() -> delete.delete(acme, pending.connection().id()));
        broker.commit(() -> delete.delete(beta, active.connection().id()));
        broker.commit(() -> delete.delete(acme, deactivated.connection().id()));
        broker.commit(() -> delete.delete(acme, declined.connection().id()));
        broker.commit(() -> delete.delete(acme, expired.connection().id()));

        for (InitiateConnection.Initiated gone : new InitiateConnection.Initiated[] {pending, active, deactivated,
            declined, expired}) {
            assertEquals(Optional.empty(), broker.store.findConnection(gone.connection().id()));
            assertEquals(Optional.empty(), broker.store.findInvitation(gone.code().id()));
            assertThrows(ConnectionNotFound.class, () -> broker.view.view(acme, gone.connection().id()));
        }
    }

    @Test
    void aDeletedConnectionsCodeIsUnknownAndASecondDeleteIsNotFound() {
        InitiateConnection.Initiated pending = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC)));
        broker.commit(() -> delete.delete(acme, pending.connection().id()));

        assertThrows(InvitationNotFound.class, () -> broker.commit(() -> broker.accept.accept(beta,
                new AcceptInvitation.Command(pending.code().reveal(), "HELP"))));
        assertThrows(ConnectionNotFound.class, () -> broker.commit(() -> delete.delete(acme, pending.connection().id())));
    }

    @Test
    void onlyASideMayDeleteAndAPendingConnectionHasOnlyItsSource() {
        InitiateConnection.Initiated pending = broker.commit(() -> broker.initiate.initiate(acme, toUrl("https://beta.freshdesk.com", Mode.BASIC)));
        Instance stranger = broker.instance("https://stranger.zendesk.com", Platform.ZENDESK);

        assertThrows(ConnectionNotFound.class, () -> broker.commit(() -> delete.delete(beta, pending.connection().id())));
        assertThrows(ConnectionNotFound.class, () -> broker.commit(() -> delete.delete(stranger, pending.connection().id())));
        assertEquals(ConnectionStatus.PENDING, broker.view.view(acme, pending.connection().id()).status());
    }
}
