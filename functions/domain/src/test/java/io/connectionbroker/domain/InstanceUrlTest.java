package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.refusal.InvalidRequest;
import io.connectionbroker.domain.refusal.UnsupportedInstanceUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceUrlTest {

    @ParameterizedTest
    @CsvSource({
        "https://acme.zendesk.com, https://acme.zendesk.com, ZENDESK",
        "https://ACME.Zendesk.COM/, https://acme.zendesk.com, ZENDESK",
        "HTTPS://acme.zendesk.com, https://acme.zendesk.com, ZENDESK",
        "'  https://acme.freshdesk.com  ', https://acme.freshdesk.com, FRESHDESK",
        "https://acme.freshdesk.com:443/, https://acme.freshdesk.com, FRESHDESK",
        "https://acme.freshservice.com./, https://acme.freshservice.com, FRESHSERVICE",
        "https://a-1.zendesk.com, https://a-1.zendesk.com, ZENDESK",
    })
    void spellingsOfOneInstanceAreNormalisedAndTheHostTellsThePlatform(String given, String normalised,
                                                                      Platform platform) {
        InstanceUrl url = InstanceUrl.parse("url", given);

        assertEquals(normalised, url.value());
        assertEquals(platform, url.platform());
    }

    @Test
    void twoSpellingsOfOneInstanceAreEqual() {
        assertEquals(InstanceUrl.parse("url", "https://Acme.zendesk.com./"), InstanceUrl.parse("url", "https://acme.zendesk.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://acme.zendesk.com", "acme.zendesk.com", "/relative/path", "ftp://acme.zendesk.com",
        "https://user:secret@acme.zendesk.com", "https://acme.zendesk.com/?x=1", "https://acme.zendesk.com/#top",
        "https://", "https://exa mple.com", "https://bücher.zendesk.com", "https://acme.zendesk.com/ünï",
        "https://acme.zendesk.com/\u0000", "https://acme.zendesk.com//", "https://acme.zendesk.com/agent",
        "https://acme.zendesk.com/./", "https://acme.zendesk.com:8443", "https://acme.zendesk.com:65536",
        "https://acme.example.com", "https://zendesk.com", "https://a.b.zendesk.com", "https://acme.zendesk.com.evil.io",
        "https://acme%2Ezendesk.com", "https://127.0.0.1", "https://[::1]", "https://localhost",
        "https://-acme.zendesk.com", "https://acme-.zendesk.com", "https://acme_1.zendesk.com",
        "https://acme.zendesk.co", "https://acme.freshdesk.com.",
        "https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.zendesk.com",
    })
    void anythingButAnAccountsOwnAddressOnAPlatformIsRefused(String given) {
        if (given.equals("https://acme.freshdesk.com.")) {
            // One trailing dot is the same host written fully qualified: accepted, as above.
            assertEquals("https://acme.freshdesk.com", InstanceUrl.parse("url", given).value());
            return;
        }
        UnsupportedInstanceUrl refused = assertThrows(UnsupportedInstanceUrl.class,
                () -> InstanceUrl.parse("destination.url", given), given);
        assertTrue(refused.detail().startsWith("destination.url "), refused.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aMissingUrlIsAnInvalidField(String given) {
        InvalidRequest refused = assertThrows(InvalidRequest.class, () -> InstanceUrl.parse("url", given));
        assertEquals("url", refused.errors().get(0).field());
    }

    @Test
    void theRefusalSaysWhatIsWrongWithoutRepeatingIt() {
        String sent = "https://<img src=x>@evil.example.com/?q=<script>";
        UnsupportedInstanceUrl refused = assertThrows(UnsupportedInstanceUrl.class, () -> InstanceUrl.parse("url", sent));
        assertFalse(refused.detail().contains("evil"), refused.detail());
        assertFalse(refused.detail().contains("<img"), refused.detail());

        assertTrue(assertThrows(UnsupportedInstanceUrl.class, () -> InstanceUrl.parse("url", "https://a:b@x.zendesk.com"))
                .detail().contains("user info"));
        assertTrue(assertThrows(UnsupportedInstanceUrl.class, () -> InstanceUrl.parse("url", "http://x.zendesk.com"))
                .detail().contains("https"));
        assertTrue(assertThrows(UnsupportedInstanceUrl.class, () -> InstanceUrl.parse("url", "https://x.zendesk.com/p"))
                .detail().contains("path"));
    }

    @Test
    void aStoredUrlKeepsItsPlatformWhereItsHostHasOne() {
        assertEquals(Platform.FRESHDESK, InstanceUrl.ofStored("https://acme.freshdesk.com").platform());
        assertEquals(null, InstanceUrl.ofStored("https://help.example.com").platform());
    }
}
