package io.connectionbroker.domain;

import static io.connectionbroker.domain.TestBroker.toPrivate;
import static io.connectionbroker.domain.TestBroker.toUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectionbroker.domain.refusal.ConnectionStateConflict;
import io.connectionbroker.domain.refusal.InvitationAlreadyUsed;
import io.connectionbroker.domain.refusal.InvitationCodeMalformed;
import io.connectionbroker.domain.refusal.InvitationDeclined;
import io.connectionbroker.domain.refusal.InvitationExpired;
import io.connectionbroker.domain.refusal.InvitationNotForCaller;
import io.connectionbroker.domain.refusal.InvitationNotFound;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeclineInvitationTest {
    private final TestBroker broker = new TestBroker();
    private final DeclineInvitation decline = new DeclineInvitation(broker.store, broker.clock);
    private final Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);
    private final Instance beta = broker.instance("https://beta.freshdesk.com", Platform.FRESHDESK);

    @Test
    void theInvitedSideDeclinesAndTheCodeIsDead() {
        InitiateConnection.Initiated initiated = broker.commit(() -> broker.initiate.initiate(acme, toUrl("https://beta.freshdesk.com", Mode.BASIC)));

        Connection declined = broker.commit(() -> decline.decline(beta, initiated.code().reveal()));

        assertEquals(ConnectionStatus.DECLINED, declined.status());
        assertEquals(declined, broker.store.findConnection(declined.id()).orElseThrow());
        assertEquals(ConnectionStatus.DECLINED, broker.view.view(acme, declined.id()).status());
        assertThrows(InvitationDeclined.class, () -> broker.commit(() -> broker.accept.accept(beta,
                new AcceptInvitation.Command(initiated.code().reveal(), "HELP"))));
        assertThrows(InvitationDeclined.class, () -> broker.commit(() -> decline.decline(beta, initiated.code().reveal())));
    }

    @Test
    void onlyTheInvitedSideMayDecline() {
        String publicCode = broker.commit(() -> broker.initiate.initiate(acme, toUrl("https://beta.freshdesk.com", Mode.BASIC))).code().reveal();
        String privateCode = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC))).code().reveal();

        assertThrows(InvitationNotForCaller.class, () -> broker.commit(() -> decline.decline(acme, publicCode)));
        assertThrows(InvitationNotForCaller.class, () -> broker.commit(() -> decline.decline(acme, privateCode)));
        assertEquals(ConnectionStatus.DECLINED, broker.commit(() -> decline.decline(beta, privateCode)).status());
    }

    @Test
    void anAcceptedExpiredUnknownOrMistypedCodeCannotBeDeclined() {
        InitiateConnection.Initiated accepted = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC)));
        broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(accepted.code().reveal(), "HELP")));
        String lapsing = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC))).code().reveal();

        assertThrows(InvitationAlreadyUsed.class, () -> broker.commit(() -> decline.decline(beta, accepted.code().reveal())));
        assertThrows(InvitationNotFound.class, () -> broker.commit(() -> decline.decline(beta, InvitationCode.issue(broker.entropy).reveal())));
        assertThrows(InvitationCodeMalformed.class, () -> broker.commit(() -> decline.decline(beta, "cbi_nope")));
        broker.clock.advance(Duration.ofHours(72));
        assertThrows(InvitationExpired.class, () -> broker.commit(() -> decline.decline(beta, lapsing)));
    }

    @Test
    void aDeclinedConnectionCannotBeSwitchedOnOrOff() {
        String id = broker.commit(() -> decline.decline(beta, broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC))).code().reveal())).id();
        ConnectionActivation activation = new ConnectionActivation(broker.store, broker.clock);

        assertEquals(ConnectionStatus.DECLINED,
                assertThrows(ConnectionStateConflict.class, () -> broker.commit(() -> activation.activate(acme, id))).status());
        assertEquals(ConnectionStatus.DECLINED,
                assertThrows(ConnectionStateConflict.class, () -> broker.commit(() -> activation.deactivate(acme, id))).status());
    }
}
