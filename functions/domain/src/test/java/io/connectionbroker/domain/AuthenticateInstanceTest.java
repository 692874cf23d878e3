package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.refusal.Unauthenticated;
import org.junit.jupiter.api.Test;

class AuthenticateInstanceTest {
    private final TestBroker broker = new TestBroker();

    @Test
    void noKeyIsRefusedSayingHowToSendOne() {
        Unauthenticated refused = assertThrows(Unauthenticated.class, () -> broker.authenticate.authenticate(null));
        assertTrue(refused.detail().contains("Authorization: Bearer"), refused.detail());
        assertThrows(Unauthenticated.class, () -> broker.authenticate.authenticate("  "));
    }

    @Test
    void aWellFormedKeyThatWasNeverIssuedIsRefused() {
        broker.instance("https://acme.zendesk.com", Platform.ZENDESK);

        assertThrows(Unauthenticated.class,
                () -> broker.authenticate.authenticate(ApiKey.issue(broker.entropy).reveal()));
    }

    @Test
    void aKeyWithTheRightIdButAnotherSecretIsRefused() {
        String key = broker.register("https://acme.zendesk.com").apiKey().reveal();
        // Same public id, another secret with a valid checksum: only the stored hash can tell them apart.
        String forged = reissueWithId(key.substring(4, 20));

        assertThrows(Unauthenticated.class, () -> broker.authenticate.authenticate(forged));
    }

    @Test
    void anInvitationCodeIsNotAKey() {
        assertThrows(Unauthenticated.class,
                () -> broker.authenticate.authenticate(InvitationCode.issue(broker.entropy).reveal()));
    }

    private String reissueWithId(String id) {
        byte[][] draws = {decode(id), broker.entropy.bytes(20)};
        int[] next = {0};
        return ApiKey.issue(count -> draws[next[0]++]).reveal();
    }

    private static byte[] decode(String base32) {
        byte[] out = new byte[base32.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int at = 0;
        for (char c : base32.toCharArray()) {
            buffer = (buffer << 5) | SecretToken.ALPHABET.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[at++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
