package io.connectionbroker.domain;

import static io.connectionbroker.domain.TestBroker.toPrivate;
import static io.connectionbroker.domain.TestBroker.toUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectionbroker.domain.refusal.ConnectionNotFound;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ViewConnectionTest {
    private final TestBroker broker = new TestBroker();
    private final Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);
    private final Instance beta = broker.instance("https://beta.freshdesk.com", Platform.FRESHDESK);

    @Test
    void theInitiatorSeesItsPendingConnection() {
        Connection initiated = broker.commit(() -> broker.initiate.initiate(acme, toUrl("https://beta.freshdesk.com", Mode.BASIC))).connection();

        assertEquals(initiated, broker.view.view(acme, initiated.id()));
    }

    @Test
    void theDestinationBecomesASideWhenItAccepts() {
        InitiateConnection.Initiated initiated = broker.commit(() -> broker.initiate.initiate(acme,
                toUrl("https://beta.freshdesk.com", Mode.BASIC)));
        assertThrows(ConnectionNotFound.class, () -> broker.view.view(beta, initiated.connection().id()));

        broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(initiated.code().reveal(), "HELP")));

        assertEquals(ConnectionStatus.ACTIVE, broker.view.view(beta, initiated.connection().id()).status());
        assertEquals(ConnectionStatus.ACTIVE, broker.view.view(acme, initiated.connection().id()).status());
    }

    @Test
    void aStrangerAndAnUnknownIdGetTheSameAnswer() {
        Connection initiated = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC))).connection();
        Instance stranger = broker.instance("https://stranger.zendesk.com", Platform.ZENDESK);

        ConnectionNotFound forStranger = assertThrows(ConnectionNotFound.class,
                () -> broker.view.view(stranger, initiated.id()));
        ConnectionNotFound forUnknown = assertThrows(ConnectionNotFound.class,
                () -> broker.view.view(acme, broker.entropy.uuid().toString()));
        assertEquals(forUnknown.detail(), forStranger.detail());
        assertThrows(ConnectionNotFound.class, () -> broker.view.view(acme, "not-an-id"));
        assertThrows(ConnectionNotFound.class, () -> broker.view.view(acme, initiated.id().toUpperCase()));
    }

    @Test
    void aPendingConnectionWhoseInvitationLapsedShowsAsExpired() {
        Connection initiated = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC))).connection();
        broker.clock.advance(Duration.ofHours(72));

        Connection seen = broker.view.view(acme, initiated.id());

        assertEquals(ConnectionStatus.EXPIRED, seen.status());
        assertNull(seen.destination().url());
    }

    @Test
    void anAcceptedConnectionNeverExpires() {
        InitiateConnection.Initiated initiated = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC)));
        broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(initiated.code().reveal(), "HELP")));
        broker.clock.advance(Duration.ofDays(30));

        assertEquals(ConnectionStatus.ACTIVE, broker.view.view(acme, initiated.connection().id()).status());
    }
}
