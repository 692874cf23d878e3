package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import io.connectionbroker.testing.function.FaultTest;
import io.connectionbroker.testing.function.IdempotencyChecks;
import io.connectionbroker.testing.function.FaultTolerance.Call;
import org.junit.jupiter.api.Test;

/** Registration, with every DynamoDB fault at every call it makes: 503 or success, all or nothing. */
class RegisterUnderFaultsFunctionTest extends FaultTest {

    private static Call register() {
        return new Call("POST", "/v1/instances", null, "{\"url\": \"https://" + UUID.randomUUID()
                + ".example.com\", \"platform\": \"ZENDESK\", \"license\": \"PAID\"}");
    }

    @Test
    void registeringIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(RegisterUnderFaultsFunctionTest::register, 201);
        assertTrue(runs >= 5, runs + " runs");
    }

    @Test
    void registeringWithAnIdempotencyKeyIsAnsweredOnce() {
        new IdempotencyChecks(function).assertAll(RegisterUnderFaultsFunctionTest::register, 201, null);
    }
}
