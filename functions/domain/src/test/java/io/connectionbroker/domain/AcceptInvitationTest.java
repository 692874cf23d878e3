package io.connectionbroker.domain;

import static io.connectionbroker.domain.TestBroker.toPrivate;
import static io.connectionbroker.domain.TestBroker.toUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.refusal.InvalidRequest;
import io.connectionbroker.domain.refusal.InvitationAlreadyUsed;
import io.connectionbroker.domain.refusal.InvitationCodeMalformed;
import io.connectionbroker.domain.refusal.InvitationExpired;
import io.connectionbroker.domain.refusal.InvitationNotForCaller;
import io.connectionbroker.domain.refusal.InvitationNotFound;
import io.connectionbroker.domain.refusal.ModeNotOffered;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AcceptInvitationTest {
    private final TestBroker broker = new TestBroker();
    private final Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);
    private final Instance beta = broker.instance("https://beta.freshdesk.com", Platform.FRESHDESK);
    private final Instance gamma = broker.instance("https://gamma.freshservice.com", Platform.FRESHSERVICE);

    @Test
    void acceptingActivatesTheConnectionWithTheAcceptorAsDestination() {
        InitiateConnection.Initiated initiated = broker.commit(() -> broker.initiate.initiate(acme,
                toUrl("https://beta.freshdesk.com", Mode.SCRIPT)));
        broker.clock.advance(Duration.ofMinutes(5));

        Connection accepted = broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(initiated.code().reveal(), "HELP")));

        assertEquals(ConnectionStatus.ACTIVE, accepted.status());
        assertEquals(new Side(beta.id(), beta.url(), Platform.FRESHDESK, "beta", "HELP", true), accepted.destination());
        assertEquals(initiated.connection().source(), accepted.source());
        assertTrue(accepted.updatedAt().isAfter(accepted.createdAt()));
        assertEquals(accepted, broker.store.findConnection(accepted.id()).orElseThrow());
    }

    @Test
    void aCodeWorksOnce() {
        String code = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC))).code().reveal();
        broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(code, "HELP")));

        assertThrows(InvitationAlreadyUsed.class,
                () -> broker.commit(() -> broker.accept.accept(gamma, new AcceptInvitation.Command(code, "HELP"))));
        assertThrows(InvitationAlreadyUsed.class,
                () -> broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(code, "HELP"))));
    }

    @Test
    void anExpiredCodeIsRefusedWhileItsItemStillExists() {
        InitiateConnection.Initiated initiated = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC)));
        broker.clock.advance(Duration.ofHours(72));

        InvitationExpired refused = assertThrows(InvitationExpired.class, () -> broker.commit(() -> broker.accept.accept(beta,
                new AcceptInvitation.Command(initiated.code().reveal(), "HELP"))));

        assertEquals(initiated.connection().invitationExpiresAt(), refused.expiredAt());
        assertTrue(broker.store.findInvitation(initiated.code().id()).isPresent());
        assertEquals(ConnectionStatus.PENDING, broker.store.findConnection(initiated.connection().id()).orElseThrow().status());
    }

    @Test
    void aCodeIsStillGoodJustBeforeItExpires() {
        InitiateConnection.Initiated initiated = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC)));
        broker.clock.advance(Duration.ofHours(72).minusMillis(1));

        assertEquals(ConnectionStatus.ACTIVE, broker.commit(() -> broker.accept.accept(beta,
                new AcceptInvitation.Command(initiated.code().reveal(), "HELP"))).status());
    }

    @Test
    void aWellFormedCodeThatWasNeverIssuedIsNotFound() {
        assertThrows(InvitationNotFound.class, () -> broker.commit(() -> broker.accept.accept(beta,
                new AcceptInvitation.Command(InvitationCode.issue(broker.entropy).reveal(), "HELP"))));
    }

    @Test
    void aMistypedCodeIsMalformed() {
        String code = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC))).code().reveal();
        String mistyped = code.substring(0, code.length() - 1) + (code.endsWith("0") ? "1" : "0");

        assertThrows(InvitationCodeMalformed.class,
                () -> broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(mistyped, "HELP"))));
    }

    @Test
    void theProjectIsRequired() {
        String code = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC))).code().reveal();

        InvalidRequest refused = assertThrows(InvalidRequest.class,
                () -> broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(code, " "))));
        assertEquals("project", refused.errors().get(0).field());
    }

    @Test
    void aPublicInvitationIsOnlyForTheInstanceAtTheDestinationUrl() {
        String code = broker.commit(() -> broker.initiate.initiate(acme, toUrl("https://beta.freshdesk.com", Mode.BASIC))).code().reveal();

        InvitationNotForCaller refused = assertThrows(InvitationNotForCaller.class,
                () -> broker.commit(() -> broker.accept.accept(gamma, new AcceptInvitation.Command(code, "HELP"))));
        assertTrue(refused.invitee().contains("https://beta.freshdesk.com"), refused.invitee());
        assertThrows(InvitationNotForCaller.class,
                () -> broker.commit(() -> broker.accept.accept(acme, new AcceptInvitation.Command(code, "HELP"))));
        assertEquals(ConnectionStatus.ACTIVE,
                broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(code, "HELP"))).status());
    }

    @Test
    void aLocalInvitationIsOnlyForTheInitiatingInstance() {
        InitiateConnection.Initiated initiated = broker.commit(() -> broker.initiate.initiate(acme,
                toUrl("https://acme.zendesk.com", Mode.VISUAL)));
        String code = initiated.code().reveal();

        assertThrows(InvitationNotForCaller.class,
                () -> broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(code, "HELP"))));
        Connection accepted = broker.commit(() -> broker.accept.accept(acme, new AcceptInvitation.Command(code, "OTHER-PROJECT")));
        assertEquals(acme.id(), accepted.destination().instanceId());
        assertEquals("OTHER-PROJECT", accepted.destination().project());
    }

    @Test
    void aPrivateInvitationIsForAnyInstanceButTheInitiator() {
        InitiateConnection.Initiated initiated = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC)));
        String code = initiated.code().reveal();

        assertThrows(InvitationNotForCaller.class,
                () -> broker.commit(() -> broker.accept.accept(acme, new AcceptInvitation.Command(code, "HELP"))));
        Connection accepted = broker.commit(() -> broker.accept.accept(gamma, new AcceptInvitation.Command(code, "HELP")));
        assertEquals(gamma.url(), accepted.destination().url());
    }

    @Test
    void theAcceptingPlatformMustOfferTheMode() {
        // Initiating refuses this since it knows the platform by the URL's host; a connection stored before then
        // may still be in this mode.
        InitiateConnection.Initiated basic = broker.commit(() -> broker.initiate.initiate(acme,
                toUrl("https://delta.freshdesk.com", Mode.BASIC)));
        Connection visual = basic.connection().withMode(Mode.VISUAL, basic.connection().createdAt());
        assertTrue(broker.store.upgradeMode(visual, DefaultRules.forMode(Mode.VISUAL), java.util.List.of(), null));
        String code = basic.code().reveal();
        Instance delta = broker.instance("https://delta.freshdesk.com", Platform.FRESHDESK);

        ModeNotOffered refused = assertThrows(ModeNotOffered.class,
                () -> broker.commit(() -> broker.accept.accept(delta, new AcceptInvitation.Command(code, "HELP"))));
        assertTrue(refused.rule().contains("FRESHDESK"), refused.rule());
    }
}
