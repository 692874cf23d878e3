package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.refusal.InvalidRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Names, projects and descriptions refuse what a reader cannot be shown honestly, naming the character. */
class ShowableTextTest {
    private final TestBroker broker = new TestBroker();
    private final Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);

    private InitiateConnection.Command command(String name, String description, String project) {
        return new InitiateConnection.Command(null, true, Mode.BASIC, "acme", "beta", name, description, project);
    }

    @ParameterizedTest
    @CsvSource({
        "d800, unpaired surrogate", "dc00, unpaired surrogate", "202e, RIGHT-TO-LEFT OVERRIDE",
        "2066, LEFT-TO-RIGHT ISOLATE", "200f, RIGHT-TO-LEFT MARK", "2028, LINE SEPARATOR", "2029, PARAGRAPH SEPARATOR",
        "0085, U+0085", "200b, ZERO WIDTH SPACE", "feff, ZERO WIDTH NO-BREAK SPACE", "0000, U+0000", "001b, U+001B",
        "0009, U+0009", "000a, U+000A", "000d, U+000D",
    })
    void aNameOrProjectHoldingTheCharacterIsRefusedNamingFieldAndCharacter(String hex, String named) {
        String text = "invoice" + (char) Integer.parseInt(hex, 16) + "gnp.exe";

        for (String field : new String[] {"name", "project"}) {
            InvalidRequest refused = assertThrows(InvalidRequest.class, () -> broker.commit(() -> broker.initiate.initiate(acme,
                    field.equals("name") ? command(text, null, "P") : command(null, null, text))), field);
            assertEquals(field, refused.errors().get(0).field());
            assertTrue(refused.detail().contains(named), refused.detail());
            assertFalse(refused.detail().contains("invoice"), "the text is never repeated: " + refused.detail());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"d800", "202e", "2028", "0085", "200b", "0000", "001b", "000d"})
    void aDescriptionRefusesTheSameButKeepsLineFeeds(String hex) {
        String text = "first line\nsecond" + (char) Integer.parseInt(hex, 16);

        InvalidRequest refused = assertThrows(InvalidRequest.class,
                () -> broker.commit(() -> broker.initiate.initiate(acme, command(null, text, "P"))));

        assertEquals("description", refused.errors().get(0).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Support \u05EA\u05DE\u05D9\u05DB\u05D4", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 family",
        "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", "caf\u00E9 \u4E2D\u6587", "line one\nline two"})
    void textThatShowsAsItIsIsKept(String text) {
        String name = text.contains("\n") ? null : text;

        Connection created = broker.commit(() -> broker.initiate.initiate(acme, command(name, text, "P"))).connection();

        assertEquals(text, created.description());
        if (name != null) {
            assertEquals(name, created.name());
        }
    }
}
