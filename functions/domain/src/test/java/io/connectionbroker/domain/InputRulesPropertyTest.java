package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.refusal.InvalidRequest;
import io.connectionbroker.domain.refusal.UnsupportedInstanceUrl;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated input against the rules that keep stored text honest and instance URLs unique: whatever is
 * accepted can be shown as it is, and every spelling of one instance's address is that one address.
 */
class InputRulesPropertyTest {
    private static final Pattern INSTANCE_URL =
            Pattern.compile("https://[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.(zendesk|freshdesk|freshservice)\\.com");

    /** Any UTF-16 text, lone surrogates and every category included, weighted towards the troublesome ones. */
    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<Character> troublesome = Arbitraries.of('\uD800', '\uDC00', '\u202E', '\u2066', '\u200F', '\u2028',
                '\u2029', '\u0085', '\u200B', '\uFEFF', '\u0000', '\u001B', '\t', '\n', '\r', '\u200D', '\u200C');
        Arbitrary<Character> any = Arbitraries.chars().range('\u0000', '\uFFFF');
        Arbitrary<Character> plain = Arbitraries.chars().alpha();
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, plain), net.jqwik.api.Tuple.of(2, any),
                net.jqwik.api.Tuple.of(1, troublesome)).list().ofMinSize(1).ofMaxSize(30)
                .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
    }

    @Property(tries = 500)
    void acceptedNamesDescriptionsAndProjectsCanBeShownAsTheyAre(@ForAll("anyText") String text) {
        try {
            Texts.checkShowable("name", text, false);
        } catch (InvalidRequest refused) {
            assertEquals("name", refused.errors().get(0).field());
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            assertTrue(type != Character.CONTROL && type != Character.LINE_SEPARATOR
                    && type != Character.PARAGRAPH_SEPARATOR && (type != Character.FORMAT || c == '\u200C' || c == '\u200D'),
                    "accepted " + String.format("U+%04X", (int) c));
            if (Character.isHighSurrogate(c)) {
                assertTrue(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(++i)), "a lone surrogate");
            } else {
                assertTrue(!Character.isLowSurrogate(c), "a lone surrogate");
            }
        }
    }

    /** An account's address and a spelling of it a person might type. */
    @Provide
    Arbitrary<String[]> urlSpellings() {
        Arbitrary<String> account = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789")
                .ofMinLength(1).ofMaxLength(20);
        Arbitrary<Platform> platform = Arbitraries.of(Platform.class);
        Arbitrary<Integer> caseSeed = Arbitraries.integers().between(0, 1_000_000);
        Arbitrary<String> scheme = Arbitraries.of("https://", "HTTPS://", "Https://");
        Arbitrary<String> suffix = Arbitraries.of("", "/", ".", "./", ":443", ":443/", ".:443/");
        return Combinators.combine(account, platform, caseSeed, scheme, suffix).as((a, p, seed, s, end) -> {
            String canonical = "https://" + a + "." + p.host();
            StringBuilder host = new StringBuilder(a + "." + p.host());
            java.util.Random flips = new java.util.Random(seed);
            for (int i = 0; i < host.length(); i++) {
                if (flips.nextBoolean()) {
                    host.setCharAt(i, Character.toUpperCase(host.charAt(i)));
                }
            }
            return new String[] {canonical, s + host + end};
        });
    }

    @Property(tries = 300)
    void everySpellingOfOneAddressIsThatAddress(@ForAll("urlSpellings") String[] spelling) {
        InstanceUrl url = InstanceUrl.parse("url", spelling[1]);

        assertEquals(spelling[0], url.value(), spelling[1]);
        assertEquals(spelling[0].substring(spelling[0].indexOf('.') + 1).toUpperCase(Locale.ROOT).replace(".COM", ""),
                url.platform().name());
    }

    /** Text that looks like a URL more often than not: a scheme, a host, and anything after it. */
    @Provide
    Arbitrary<String> urlLikeText() {
        Arbitrary<String> prefix = Arbitraries.of("https://", "http://", "", "https://user@", "https://[::1]",
                "https://127.0.0.1", "https://localhost");
        Arbitrary<String> host = Arbitraries.of("acme.zendesk.com", "acme.freshdesk.com", "a.b.zendesk.com",
                "zendesk.com", "acme.zendesk.com.evil.io", "acme-.zendesk.com", "ACME.FreshService.com", "");
        Arbitrary<String> rest = Arbitraries.oneOf(Arbitraries.of("", "/", ":8443", "/agent", "?q=1", "#x", "%2F",
                "/./", "//", ":65536", ".", "@evil.io"), Arbitraries.strings().ofMaxLength(12));
        return Combinators.combine(prefix, host, rest).as((p, h, r) -> p + h + r);
    }

    @Property(tries = 500)
    void anyTextIsAnAccountsOwnAddressOrIsRefused(@ForAll("urlLikeText") String text) {
        try {
            InstanceUrl url = InstanceUrl.parse("url", text);
            assertTrue(INSTANCE_URL.matcher(url.value()).matches(), text + " became " + url.value());
        } catch (UnsupportedInstanceUrl | InvalidRequest refused) {
            assertTrue(refused.detail().startsWith("url "), refused.detail());
        }
    }
}
