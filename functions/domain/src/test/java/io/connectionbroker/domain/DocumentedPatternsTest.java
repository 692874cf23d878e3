package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.refusal.InvalidRequest;
import io.connectionbroker.domain.refusal.InvitationCodeMalformed;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The patterns and limits the OpenAPI document states are the ones the domain enforces: what they call
 * invalid, the domain refuses, and what the domain issues, they call valid.
 */
class DocumentedPatternsTest {
    private final SecureEntropy entropy = new SecureEntropy();

    @Test
    void issuedCodesMatchTheDocumentedShapeAndTextOfAnotherShapeIsNoCode() {
        Pattern documented = Pattern.compile(InvitationCode.PATTERN);
        for (int i = 0; i < 50; i++) {
            String code = InvitationCode.issue(entropy).reveal();
            assertTrue(documented.matcher(code).matches(), code);
            assertTrue(documented.matcher(" " + code + "\n").matches(), "a pasted code");
        }
        for (String other : new String[]{"", "cbi_", "cbk_" + InvitationCode.issue(entropy).reveal().substring(4),
                InvitationCode.issue(entropy).reveal() + "x", "cbi_ilou" + "0".repeat(12) + "_" + "0".repeat(39)}) {
            assertFalse(documented.matcher(other).matches(), other);
            assertThrows(InvitationCodeMalformed.class, () -> InvitationCode.parse(other), other);
        }
    }

    @Test
    void shortNamesAreExactlyTheDocumentedOnes() {
        Pattern documented = Pattern.compile(Texts.SHORT_NAME_PATTERN);
        for (String name : new String[]{"a", "acme-support", "A_1", "x".repeat(Texts.SHORT_NAME_MAX)}) {
            assertTrue(documented.matcher(name).matches(), name);
            assertEquals(name, Texts.shortName("f", name));
        }
        for (String name : new String[]{"", "a b", "x".repeat(Texts.SHORT_NAME_MAX + 1), "é", " a"}) {
            assertFalse(documented.matcher(name).matches(), name);
            assertThrows(InvalidRequest.class, () -> Texts.shortName("f", name), name);
        }
    }

    @Test
    void textLongerThanItsMaximumIsRefusedAsSentWhateverItsWhiteSpace() {
        String name = "n".repeat(Texts.NAME_MAX);
        assertEquals(name, Texts.optionalLine("name", name, Texts.NAME_MAX));
        assertThrows(InvalidRequest.class, () -> Texts.optionalLine("name", name + " ", Texts.NAME_MAX));
        String emoji = "\uD83D\uDE00".repeat(Texts.NAME_MAX);
        assertEquals(emoji, Texts.optionalLine("name", emoji, Texts.NAME_MAX), "counted as characters");
        assertThrows(InvalidRequest.class, () -> Texts.description("d", "d".repeat(Texts.DESCRIPTION_MAX + 1)));
    }

    @Test
    void instanceUrlsTheDomainTakesMatchTheDocumentedShape() {
        Pattern documented = Pattern.compile(InstanceUrl.PATTERN);
        for (String url : new String[]{"https://acme.zendesk.com", " HTTPS://acme.zendesk.com/ ",
                "https://beta.freshdesk.com"}) {
            InstanceUrl.parse("url", url);
            assertTrue(documented.matcher(url).matches(), url);
        }
        for (String url : new String[]{"http://acme.zendesk.com", "acme.zendesk.com", "https://"}) {
            assertFalse(documented.matcher(url).matches(), url);
            assertThrows(RuntimeException.class, () -> InstanceUrl.parse("url", url), url);
        }
    }

    @Test
    void proofPartsAreVisibleAsciiUpToTheirLimit() {
        Pattern documented = Pattern.compile(Proof.PART_PATTERN);
        assertTrue(documented.matcher("6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv").matches());
        assertTrue(documented.matcher("x".repeat(Proof.PART_MAX)).matches());
        for (String part : new String[]{"", "a b", "x".repeat(Proof.PART_MAX + 1), "tök"}) {
            assertFalse(documented.matcher(part).matches(), part);
            InvalidRequest refused = assertThrows(InvalidRequest.class, () -> ProofChecks.check(
                    new Proof.OAuth(part), Platform.ZENDESK), part);
            assertEquals("proof.accessToken", refused.errors().get(0).field());
        }
    }
}
