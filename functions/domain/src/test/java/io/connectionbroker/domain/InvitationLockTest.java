package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectionbroker.domain.refusal.InvitationLocked;
import io.connectionbroker.domain.refusal.InvitationNotFound;
import org.junit.jupiter.api.Test;

class InvitationLockTest {
    /** Draws the same 80-bit id every time, and fresh bytes for everything else. */
    private static final Entropy SAME_IDS = new Entropy() {
        private final Entropy random = new SecureEntropy();
        private final byte[] id = random.bytes(10);

        @Override
        public byte[] bytes(int count) {
            return count == id.length ? id.clone() : random.bytes(count);
        }
    };

    private final TestBroker broker = new TestBroker();
    private final Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);
    private final Instance beta = broker.instance("https://beta.freshdesk.com", Platform.FRESHDESK);

    @Test
    void tenWrongSecretsLockEvenTheRightCodeForFifteenMinutes() {
        InitiateConnection initiate = new InitiateConnection(broker.store, broker.clock, SAME_IDS,
                InitiateConnection.DEFAULT_INVITATION_LIFETIME);
        String code = broker.commit(() -> initiate.initiate(acme, TestBroker.toUrl("https://beta.freshdesk.com", Mode.BASIC))).code()
                .reveal();
        // The invitation's id with another secret: a well-formed code, as a guesser would send.
        String wrong = InvitationCode.issue(SAME_IDS).reveal();

        for (int i = 0; i < PresentedInvitation.WRONG_CODES_BEFORE_LOCK; i++) {
            assertThrows(InvitationNotFound.class,
                    () -> broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(wrong, "HELP"))));
        }
        InvitationLocked locked = assertThrows(InvitationLocked.class,
                () -> broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(code, "HELP"))));
        assertEquals(PresentedInvitation.LOCK, locked.retryAfter());

        broker.clock.advance(PresentedInvitation.LOCK);
        assertEquals(ConnectionStatus.ACTIVE,
                broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(code, "HELP"))).status());
    }
}
