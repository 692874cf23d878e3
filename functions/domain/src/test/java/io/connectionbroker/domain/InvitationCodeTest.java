package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.refusal.InvitationCodeMalformed;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvitationCodeTest {
    private final Entropy entropy = new SecureEntropy();

    @Test
    void anIssuedCodeParsesBackToTheSameIdAndHash() {
        InvitationCode issued = InvitationCode.issue(entropy);

        InvitationCode parsed = InvitationCode.parse(issued.reveal());

        assertEquals(issued.id(), parsed.id());
        assertTrue(parsed.hash().matches(issued.hash()));
    }

    @Test
    void aCodeHasARecognisablePrefixAPublicIdAndAtLeast128SecretBits() {
        String code = InvitationCode.issue(entropy).reveal();
        assertTrue(code.matches("cbi_[0-9a-hjkmnp-tv-z]{16}_[0-9a-hjkmnp-tv-z]{39}"), code);
        int secretCharacters = code.length() - "cbi_".length() - 16 - "_".length() - 7;
        assertTrue(secretCharacters * 5 >= 128, "secret bits: " + secretCharacters * 5);
    }

    @Test
    void codesAreUniqueAndTheirIdsToo() {
        Set<String> codes = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            InvitationCode code = InvitationCode.issue(entropy);
            codes.add(code.reveal());
            ids.add(code.id());
        }
        assertEquals(1000, codes.size());
        assertEquals(1000, ids.size());
    }

    @Test
    void surroundingWhitespaceAndUpperCaseFromCopyingAreForgiven() {
        InvitationCode issued = InvitationCode.issue(entropy);

        InvitationCode parsed = InvitationCode.parse("  " + issued.reveal().toUpperCase() + "\n");

        assertTrue(parsed.hash().matches(issued.hash()));
    }

    @Test
    void aMistypedCharacterIsCaughtByTheChecksum() {
        String code = InvitationCode.issue(entropy).reveal();
        int at = 30;
        char replacement = code.charAt(at) == 'a' ? 'b' : 'a';
        String mistyped = code.substring(0, at) + replacement + code.substring(at + 1);

        InvitationCodeMalformed refused = assertThrows(InvitationCodeMalformed.class, () -> InvitationCode.parse(mistyped));

        assertTrue(refused.detail().contains("mistyped"), refused.detail());
    }

    @Test
    void swappedNeighboursAreCaughtByTheChecksum() {
        String code = InvitationCode.issue(entropy).reveal();
        int at = 21;
        while (code.charAt(at) == code.charAt(at + 1)) {
            at++;
        }
        String swapped = code.substring(0, at) + code.charAt(at + 1) + code.charAt(at) + code.substring(at + 2);

        assertThrows(InvitationCodeMalformed.class, () -> InvitationCode.parse(swapped));
    }

    @Test
    void anApiKeyIsNotTakenForACode() {
        String key = ApiKey.issue(entropy).reveal();

        InvitationCodeMalformed refused = assertThrows(InvitationCodeMalformed.class, () -> InvitationCode.parse(key));

        assertTrue(refused.detail().contains("cbi_"), refused.detail());
    }

    @Test
    void truncatedEmptyOrForeignTextIsMalformed() {
        String code = InvitationCode.issue(entropy).reveal();
        for (String text : new String[] {code.substring(0, code.length() - 1), code + "0", "", "   ", null,
            "cbi_", "cbi_!!!!", "hello"}) {
            assertThrows(InvitationCodeMalformed.class, () -> InvitationCode.parse(text), String.valueOf(text));
        }
    }

    @Test
    void theHashDiffersForADifferentSecretWithTheSameShape() {
        assertFalse(InvitationCode.issue(entropy).hash().matches(InvitationCode.issue(entropy).hash()));
    }

    @Test
    void printingACodeNeverShowsTheSecret() {
        InvitationCode code = InvitationCode.issue(entropy);
        String secretPart = code.reveal().substring(21);

        assertFalse(code.toString().contains(secretPart));
        assertFalse(code.hash().toString().contains(code.hash().toBase64()));
        assertNotEquals(code.reveal(), code.toString());
    }
}
