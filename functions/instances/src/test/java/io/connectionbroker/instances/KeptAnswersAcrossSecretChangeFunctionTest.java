package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.connectionbroker.domain.Platform;
import io.connectionbroker.testing.function.Arrange;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.connectionbroker.testing.function.FunctionUnderTest;
import io.connectionbroker.web.document.IdempotencyHeaders;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The secret kept answers are encrypted with gets a new value: a registration sent again afterwards, with
 * the same Idempotency-Key, to a function started since, still gets its first answer (opened with the
 * secret's previous version).
 */
class KeptAnswersAcrossSecretChangeFunctionTest {
    private static final String BEFORE = "secret-before-the-change-0123456789abcdefghij";
    private static final String AFTER = "secret-after-the-change-0123456789abcdefghijk";

    @Test
    void aRegistrationSentAgainAfterTheSecretChangedGetsItsFirstAnswer() {
        String body = Arrange.registration(Arrange.newUrl(Platform.FRESHDESK));
        Map<String, String> key = Map.of(IdempotencyHeaders.KEY, UUID.randomUUID().toString());
        try (FunctionUnderTest before = FunctionUnderTest.start(Map.of("connection-broker.idempotency.secret", BEFORE))) {
            Answer first = before.send("POST", "/v1/instances", null, body, "application/json", key);
            assertEquals(201, first.status(), first.toString());

            try (FunctionUnderTest after = FunctionUnderTest.start(Map.of(
                    "connection-broker.table-name", before.tableName(),
                    "connection-broker.idempotency.secret", AFTER,
                    "connection-broker.idempotency.previous-secret", BEFORE))) {
                Answer again = after.send("POST", "/v1/instances", null, body, "application/json", key);

                assertEquals(201, again.status(), again.toString());
                assertEquals(first.body(), again.body(), "the first answer, byte for byte, API key included");
                assertEquals("true", again.header(IdempotencyHeaders.REPLAYED));

                // A new request is kept under the new value: it replays where only that value is known.
                Map<String, String> newKey = Map.of(IdempotencyHeaders.KEY, UUID.randomUUID().toString());
                String other = body.replace("FRESHDESK", "ZENDESK").replace("https://", "https://other-");
                Answer kept = after.send("POST", "/v1/instances", null, other, "application/json", newKey);
                assertEquals(201, kept.status(), kept.toString());
                assertNull(kept.header(IdempotencyHeaders.REPLAYED));
                try (FunctionUnderTest onlyAfter = FunctionUnderTest.start(Map.of(
                        "connection-broker.table-name", before.tableName(),
                        "connection-broker.idempotency.secret", AFTER))) {
                    Answer replayed = onlyAfter.send("POST", "/v1/instances", null, other, "application/json", newKey);
                    assertEquals(kept.body(), replayed.body());
                    assertEquals("true", replayed.header(IdempotencyHeaders.REPLAYED));
                }
            }
        }
    }
}
