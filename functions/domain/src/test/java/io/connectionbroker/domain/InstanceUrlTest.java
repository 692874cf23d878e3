package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceUrlTest {

    @ParameterizedTest
    @CsvSource({
        "https://acme.zendesk.com, https://acme.zendesk.com",
        "https://ACME.Zendesk.COM/, https://acme.zendesk.com",
        "HTTPS://acme.zendesk.com//, https://acme.zendesk.com",
        "'  https://acme.zendesk.com  ', https://acme.zendesk.com",
        "https://acme.zendesk.com:443/, https://acme.zendesk.com",
        "https://help.example.com:8443/desk/, https://help.example.com:8443/desk",
    })
    void urlsAreNormalisedBeforeUse(String given, String normalised) {
        assertEquals(normalised, InstanceUrl.parse("url", given).value());
    }

    @Test
    void twoSpellingsOfOneInstanceAreEqual() {
        assertEquals(InstanceUrl.parse("url", "https://Acme.zendesk.com/"), InstanceUrl.parse("url", "https://acme.zendesk.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://acme.zendesk.com", "acme.zendesk.com", "/relative/path", "ftp://acme.zendesk.com",
        "https://user:secret@acme.zendesk.com", "https://acme.zendesk.com/?x=1", "https://acme.zendesk.com/#top",
        "https://", "https://exa mple.com", "", "   ", "https://bücher.example", "https://example.com/ünï",
        "https://example.com/\u0000"
    })
    void anythingButAnAbsoluteHttpsUrlWithoutUserInfoQueryOrFragmentIsRefused(String given) {
        InvalidRequest refused = assertThrows(InvalidRequest.class, () -> InstanceUrl.parse("destination.url", given));
        assertEquals("destination.url", refused.errors().get(0).field());
    }

    @Test
    void aUrlOfMoreThan1024CharactersIsRefused() {
        String path = "/" + "a".repeat(1024 - "https://example.com/".length());
        assertEquals(1024, InstanceUrl.parse("url", "https://example.com" + path).value().length());

        assertThrows(InvalidRequest.class, () -> InstanceUrl.parse("url", "https://example.com" + path + "a"));
    }

    @Test
    void theRefusalSaysWhatIsWrong() {
        assertTrue(assertThrows(InvalidRequest.class, () -> InstanceUrl.parse("url", "https://a:b@x.com"))
                .detail().contains("user info"));
        assertTrue(assertThrows(InvalidRequest.class, () -> InstanceUrl.parse("url", "http://x.com"))
                .detail().contains("https"));
    }
}
