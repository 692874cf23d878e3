package io.connectionbroker.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link StoredInstant} reads what {@link Instant#toString()} writes, and any text exactly as Instant.parse does. */
class StoredInstantPropertyTest {
    private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @Property(tries = 2000)
    void readsBackEveryInstantItWrites(@ForAll("instants") Instant written) {
        assertEquals(written, StoredInstant.parse(written.toString()));
    }

    @Property(tries = 3000)
    void answersAnyTextAsInstantParseDoes(@ForAll("nearlyWritten") String text) {
        assertEquals(outcome(() -> Instant.parse(text)), outcome(() -> StoredInstant.parse(text)), text);
    }

    @Example
    void answersTheFormattersSpecialCasesAsInstantParseDoes() {
        for (String text : new String[] {"2016-12-31T23:59:60Z", "2026-11-30T24:00:00Z", "2026-11-30t15:08:44z",
                "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2026-04-31T10:00:00Z", "2026-11-30T15:08:44.Z",
                "2026-11-30T15:08:44.1234567891Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z",
                "2026-11-30T15:08:44+01:00", "2026-11-30T15:08Z", "2026-11-30T15:08:4٤Z", "", "Z"}) {
            assertEquals(outcome(() -> Instant.parse(text)), outcome(() -> StoredInstant.parse(text)), text);
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(FIRST, LAST);
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999)
                .map(milli -> milli * 1_000_000), Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    /** A written instant with one character replaced, removed or added: mostly refused, sometimes still valid. */
    @Provide
    Arbitrary<String> nearlyWritten() {
        Arbitrary<Character> characters = Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', '.', 'T', 'Z', 't',
                'z', '+', ' ', '٣');
        return Combinators.combine(instants().map(Instant::toString), Arbitraries.integers().between(0, 40),
                characters, Arbitraries.integers().between(0, 2)).as((text, at, character, edit) -> {
                    int position = Math.min(at, text.length() - 1);
                    StringBuilder changed = new StringBuilder(text);
                    switch (edit) {
                        case 0 -> changed.setCharAt(position, character);
                        case 1 -> changed.deleteCharAt(position);
                        default -> changed.insert(position, character);
                    }
                    return changed.toString();
                });
    }

    /** The instant read, or the kind of refusal: the two must refuse the same texts with the same exception. */
    private static Object outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (DateTimeParseException refused) {
            return DateTimeParseException.class;
        }
    }
}
