package io.connectionbroker.activation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionActivation;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.testing.function.FaultTest;
import io.connectionbroker.testing.function.FaultTolerance.Call;
import org.junit.jupiter.api.Test;

/** Deactivation and activation, with every DynamoDB fault at every call each makes: 503 or success, all or nothing. */
class ActivationUnderFaultsFunctionTest extends FaultTest {

    @Test
    void deactivatingIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(() -> {
            Connection connection = arrange.activeConnection(acme.instance(),
                    arrange.instance(Platform.FRESHDESK).instance());
            return new Call("POST", "/v1/connections/" + connection.id() + "/deactivate", acme.apiKey().reveal(), null);
        }, 200);
        assertTrue(runs >= 5, runs + " runs");
    }

    @Test
    void activatingIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(() -> {
            Connection connection = arrange.activeConnection(acme.instance(),
                    arrange.instance(Platform.FRESHDESK).instance());
            function.bean(ConnectionActivation.class).deactivate(acme.instance(), connection.id());
            return new Call("POST", "/v1/connections/" + connection.id() + "/activate", acme.apiKey().reveal(), null);
        }, 200);
        assertTrue(runs >= 5, runs + " runs");
    }
}
