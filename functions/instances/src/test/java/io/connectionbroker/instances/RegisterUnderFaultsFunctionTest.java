package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import io.connectionbroker.testing.function.FaultTest;
import io.connectionbroker.testing.function.FaultTolerance.Call;
import org.junit.jupiter.api.Test;

/** Registration, with every DynamoDB fault at every call it makes: 503 or success, all or nothing. */
class RegisterUnderFaultsFunctionTest extends FaultTest {

    @Test
    void registeringIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(() -> {
            return new Call("POST", "/v1/instances", null, "{\"url\": \"https://" + UUID.randomUUID()
                    + ".example.com\", \"platform\": \"ZENDESK\", \"license\": \"PAID\"}");
        }, 201);
        assertTrue(runs >= 5, runs + " runs");
    }
}
