package io.connectionbroker.status;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.testing.function.FaultTest;
import io.connectionbroker.testing.function.FaultTolerance.Call;
import org.junit.jupiter.api.Test;

/** Reading and listing connections, with every DynamoDB fault at every call each makes: 503 or success, all or nothing. */
class StatusUnderFaultsFunctionTest extends FaultTest {

    @Test
    void readingAConnectionIsSafeUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(() -> {
            Connection connection = arrange.activeConnection(acme.instance(),
                    arrange.instance(Platform.FRESHDESK).instance());
            return new Call("GET", "/v1/connections/" + connection.id(), acme.apiKey().reveal(), null);
        }, 200);
        assertTrue(runs >= 5, runs + " runs");
    }

    @Test
    void listingIsSafeUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(() -> {
            arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());
            return new Call("GET", "/v1/connections?limit=5", acme.apiKey().reveal(), null);
        }, 200);
        assertTrue(runs >= 5, runs + " runs");
    }

    @Test
    void readingTheFeedIsSafeUnderEveryFaultAlsoWhenItReportsALapse() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(() -> {
            var alpha = arrange.instance(Platform.ZENDESK);
            arrange.privateConnection(alpha.instance(), io.connectionbroker.domain.Mode.BASIC);
            function.clock().advance(io.connectionbroker.domain.InitiateConnection.DEFAULT_INVITATION_LIFETIME
                    .plusSeconds(1));
            return new Call("GET", "/v1/events", alpha.apiKey().reveal(), null);
        }, 200);
        assertTrue(runs >= 10, runs + " runs");
    }
}
