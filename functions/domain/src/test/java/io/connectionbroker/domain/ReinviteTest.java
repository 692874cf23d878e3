package io.connectionbroker.domain;

import static io.connectionbroker.domain.TestBroker.toPrivate;
import static io.connectionbroker.domain.TestBroker.toUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectionbroker.domain.refusal.ConnectionNotFound;
import io.connectionbroker.domain.refusal.ConnectionStateConflict;
import io.connectionbroker.domain.refusal.InvitationNotFound;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReinviteTest {
    private final TestBroker broker = new TestBroker();
    private final Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);
    private final Instance beta = broker.instance("https://beta.freshdesk.com", Platform.FRESHDESK);

    @Test
    void theSourceGetsANewCodeAndTheOldOneStopsWorkingAtOnce() {
        InitiateConnection.Initiated first = broker.commit(() -> broker.initiate.initiate(acme, toUrl("https://beta.freshdesk.com", Mode.BASIC)));
        broker.clock.advance(Duration.ofHours(1));

        InitiateConnection.Initiated second = broker.commit(() -> broker.initiate.reinvite(acme, first.connection().id()));

        assertEquals(ConnectionStatus.PENDING, second.connection().status());
        assertEquals(broker.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plus(Duration.ofHours(72)),
                second.connection().invitationExpiresAt());
        assertThrows(InvitationNotFound.class, () -> broker.commit(() -> broker.accept.accept(beta,
                new AcceptInvitation.Command(first.code().reveal(), "HELP"))));
        assertEquals(ConnectionStatus.ACTIVE, broker.commit(() -> broker.accept.accept(beta,
                new AcceptInvitation.Command(second.code().reveal(), "HELP"))).status());
    }

    @Test
    void anExpiredConnectionIsPendingAgainWithItsNewCode() {
        InitiateConnection.Initiated first = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC)));
        broker.clock.advance(Duration.ofHours(80));
        assertEquals(ConnectionStatus.EXPIRED, broker.view.view(acme, first.connection().id()).status());

        InitiateConnection.Initiated second = broker.commit(() -> broker.initiate.reinvite(acme, first.connection().id()));

        assertEquals(ConnectionStatus.PENDING, broker.view.view(acme, first.connection().id()).status());
        assertEquals(ConnectionStatus.ACTIVE, broker.commit(() -> broker.accept.accept(beta,
                new AcceptInvitation.Command(second.code().reveal(), "HELP"))).status());
    }

    @Test
    void onlyAPendingOrExpiredConnectionIsInvitedAgainAndOnlyByItsSource() {
        InitiateConnection.Initiated active = broker.commit(() -> broker.initiate.initiate(acme, toUrl("https://beta.freshdesk.com", Mode.BASIC)));
        broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(active.code().reveal(), "HELP")));
        InitiateConnection.Initiated declined = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC)));
        broker.commit(() -> new DeclineInvitation(broker.store, broker.clock).decline(beta, declined.code().reveal()));
        InitiateConnection.Initiated pending = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC)));

        assertEquals(ConnectionStatus.ACTIVE, assertThrows(ConnectionStateConflict.class,
                () -> broker.commit(() -> broker.initiate.reinvite(acme, active.connection().id()))).status());
        assertEquals(ConnectionStatus.DECLINED, assertThrows(ConnectionStateConflict.class,
                () -> broker.commit(() -> broker.initiate.reinvite(acme, declined.connection().id()))).status());
        assertThrows(ConnectionNotFound.class, () -> broker.commit(() -> broker.initiate.reinvite(beta, active.connection().id())));
        assertThrows(ConnectionNotFound.class, () -> broker.commit(() -> broker.initiate.reinvite(beta, pending.connection().id())));
    }
}
