package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.refusal.ConnectionNotAllowed;
import io.connectionbroker.domain.refusal.InvitationExpired;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AdminAccessTest {
    private final TestBroker broker = new TestBroker();
    private final Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);
    private final Instance beta = broker.instance("https://beta.freshdesk.com", Platform.FRESHDESK);

    private static InitiateConnection.Command adminAccess(String url, Mode mode) {
        return new InitiateConnection.Command(url, url == null, mode, "acme", "beta", null, null, "SUPPORT", true);
    }

    @Test
    void theAnswerIsAConfirmationUrlOnTheDestinationWhoseCodeLives15Minutes() {
        InitiateConnection.Initiated initiated = broker.commit(() -> broker.initiate.initiate(acme,
                adminAccess("https://beta.freshdesk.com", Mode.BASIC)));

        assertEquals("https://beta.freshdesk.com/a/apps/connection-broker/connections/" + initiated.connection().id()
                + "/confirm/" + initiated.code().reveal(), initiated.confirmUrl(), "in the destination's app");
        assertEquals(Duration.ofMinutes(15), Duration.between(initiated.connection().createdAt(),
                initiated.connection().invitationExpiresAt()));
        assertEquals(ConnectionStatus.ACTIVE, broker.commit(() -> broker.accept.accept(beta,
                new AcceptInvitation.Command(initiated.code().reveal(), "HELP"))).status());
    }

    @Test
    void theConfirmationCodeLapsesAfter15Minutes() {
        InitiateConnection.Initiated initiated = broker.commit(() -> broker.initiate.initiate(acme,
                adminAccess("https://beta.freshdesk.com", Mode.BASIC)));
        broker.clock.advance(Duration.ofMinutes(15));

        assertThrows(InvitationExpired.class, () -> broker.commit(() -> broker.accept.accept(beta,
                new AcceptInvitation.Command(initiated.code().reveal(), "HELP"))));
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"VISUAL", "SCRIPT"})
    void onlyBasicConnectionsOfferAdminAccess(Mode mode) {
        ConnectionNotAllowed refused = assertThrows(ConnectionNotAllowed.class,
                () -> broker.commit(() -> broker.initiate.initiate(acme, adminAccess("https://other.zendesk.com", mode))));

        assertTrue(refused.detail().contains("BASIC"), refused.detail());
    }

    @Test
    void privateConnectionsDoNotOfferAdminAccess() {
        ConnectionNotAllowed refused = assertThrows(ConnectionNotAllowed.class,
                () -> broker.commit(() -> broker.initiate.initiate(acme, adminAccess(null, Mode.BASIC))));

        assertTrue(refused.detail().contains("private"), refused.detail());
    }

    @Test
    void withoutAdminAccessThereIsNoConfirmationUrl() {
        assertNull(broker.commit(() -> broker.initiate.initiate(acme, new InitiateConnection.Command("https://beta.freshdesk.com", false,
                Mode.BASIC, "a", "b", null, null, "P"))).confirmUrl());
    }
}
