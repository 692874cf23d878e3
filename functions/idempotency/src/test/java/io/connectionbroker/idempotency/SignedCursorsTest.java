package io.connectionbroker.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Cursors open only where they were signed, under the secret's current or previous version. */
class SignedCursorsTest {
    private static final String SECRET = "a-secret-for-signing-cursors-0123456789";
    private static final String NEXT_SECRET = "the-next-value-of-that-secret-9876543210";
    private static final String PAYLOAD = "0b7c3a4e-instance|CONNECTION#2026-11-29T10:00:00.000Z#a-connection";

    private final SignedCursors cursors = signedWith(SECRET, "");

    @Test
    void aCursorOpensToWhatItCarries() {
        assertEquals(Optional.of(PAYLOAD), cursors.open(cursors.seal(PAYLOAD)));
    }

    @Test
    void aCursorMadeUpAlteredOrCutShortDoesNotOpen() {
        String cursor = cursors.seal(PAYLOAD);
        String payload = cursor.substring(0, cursor.indexOf('.'));
        String mac = cursor.substring(cursor.indexOf('.') + 1);
        String otherPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(PAYLOAD.replace("a-connection", "b-connection").getBytes(StandardCharsets.UTF_8));

        for (String forged : new String[] {payload, otherPayload + "." + mac, cursor.substring(0, cursor.length() - 1),
                cursor + "A", payload + "." + mac + "." + mac, "", ".", "!!.!!"}) {
            assertEquals(Optional.empty(), cursors.open(forged), forged);
        }
        assertEquals(Optional.empty(), signedWith("another-secret-altogether-0123456789ab", "").open(cursor),
                "signed under another secret");
    }

    @Test
    void aCursorSignedBeforeTheSecretChangedStillOpens() {
        String before = cursors.seal(PAYLOAD);

        SignedCursors afterTheChange = signedWith(NEXT_SECRET, SECRET);

        assertEquals(Optional.of(PAYLOAD), afterTheChange.open(before));
        assertEquals(Optional.of(PAYLOAD), afterTheChange.open(afterTheChange.seal(PAYLOAD)));
    }

    @Property(tries = 300)
    void noMadeUpTextOpens(@ForAll String text) {
        assertFalse(cursors.open(text).isPresent(), text);
    }

    @Property(tries = 200)
    void everyPayloadComesBackAsItWas(@ForAll("payloads") String payload) {
        assertTrue(cursors.open(cursors.seal(payload)).map(payload::equals).orElse(false), payload);
    }

    /** Text UTF-8 can carry (no lone surrogates), up to the length of a list position and more. */
    @Provide
    Arbitrary<String> payloads() {
        return Arbitraries.strings().ofMaxLength(100).filter(text ->
                new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text));
    }

    private static SignedCursors signedWith(String secret, String previous) {
        return new SignedCursors(new SecretKeys(secret, previous, "", null, Clock.systemUTC(), Duration.ofSeconds(1)));
    }
}
