package io.connectionbroker.delete;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.testing.function.FaultTest;
import io.connectionbroker.testing.function.FaultTolerance.Call;
import org.junit.jupiter.api.Test;

/** Deletion, with every DynamoDB fault at every call it makes: 503 or success, all or nothing. */
class DeleteUnderFaultsFunctionTest extends FaultTest {

    @Test
    void deletingIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(() -> {
            Connection connection = arrange.activeConnection(acme.instance(),
                    arrange.instance(Platform.FRESHDESK).instance());
            return new Call("DELETE", "/v1/connections/" + connection.id(), acme.apiKey().reveal(), null);
        }, 204);
        assertTrue(runs >= 5, runs + " runs");
    }
}
