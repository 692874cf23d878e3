package io.connectionbroker.domain;

import static io.connectionbroker.domain.TestBroker.toUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectionbroker.domain.refusal.InvitationLocked;
import io.connectionbroker.domain.refusal.InvitationNotFound;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Codes forged as a hostile instance would: a real invitation's public id with a made-up secret and a checksum
 * that matches (the checksum is public). None answers the invitation, and however many are sent, they lock out
 * only their sender: the invited side's own code still works.
 */
class ForgedCodesPropertyTest {

    @Property(tries = 100)
    void aForgedSecretNeverAnswersAndLocksOutOnlyItsSender(@ForAll("secrets") byte[] secret) {
        TestBroker broker = new TestBroker();
        Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);
        Instance beta = broker.instance("https://beta.zendesk.com", Platform.ZENDESK);
        Instance mallory = broker.instance("https://mallory.zendesk.com", Platform.ZENDESK);
        InitiateConnection.Initiated initiated = broker.commit(() -> broker.initiate.initiate(acme,
                toUrl("https://beta.zendesk.com", Mode.BASIC)));
        String body = InvitationCode.PREFIX + "_" + initiated.code().id() + "_" + SecretToken.encode(secret);
        String forged = body + SecretToken.checksum(body);
        Assume.that(!forged.equals(initiated.code().reveal()));

        for (int i = 0; i < PresentedInvitation.WRONG_CODES_BEFORE_LOCK; i++) {
            assertThrows(InvitationNotFound.class, () -> accept(broker, mallory, forged));
        }
        assertThrows(InvitationLocked.class, () -> accept(broker, mallory, forged), "its sender is locked out");
        assertFalse(broker.store.findInvitation(initiated.code().id()).orElseThrow().isAnswered());

        Connection accepted = accept(broker, beta, initiated.code().reveal());
        assertEquals(ConnectionStatus.ACTIVE, accepted.status(), "the invited side is not locked out");
    }

    @Provide
    Arbitrary<byte[]> secrets() {
        return Arbitraries.bytes().array(byte[].class).ofSize(20);
    }

    private static Connection accept(TestBroker broker, Instance caller, String code) {
        return broker.commit(() -> broker.accept.accept(caller, new AcceptInvitation.Command(code, "HELP")));
    }
}
