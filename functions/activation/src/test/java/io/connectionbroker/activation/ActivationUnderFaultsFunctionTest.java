package io.connectionbroker.activation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionActivation;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.testing.function.FaultTest;
import io.connectionbroker.testing.function.FaultTolerance.Call;
import io.connectionbroker.testing.function.IdempotencyChecks;
import org.junit.jupiter.api.Test;

/** Deactivation, activation and edits, with every DynamoDB fault at every call each makes: 503 or success, all or nothing. */
class ActivationUnderFaultsFunctionTest extends FaultTest {

    private Call deactivate() {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());
        return new Call("POST", "/v1/connections/" + connection.id() + "/deactivate", acme.apiKey().reveal(), null);
    }

    private Call activate() {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());
        function.commit(() -> function.bean(ConnectionActivation.class).deactivate(acme.instance(), connection.id()));
        return new Call("POST", "/v1/connections/" + connection.id() + "/activate", acme.apiKey().reveal(), null);
    }

    private Call edit() {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());
        return new Call("PATCH", "/v1/connections/" + connection.id(), acme.apiKey().reveal(),
                "{\"name\": \"renamed\", \"description\": \"edited\"}").with("If-Match", "*");
    }

    @Test
    void editingIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(this::edit, 200);
        assertTrue(runs >= 5, runs + " runs");
    }

    @Test
    void deactivatingIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(this::deactivate, 200);
        assertTrue(runs >= 5, runs + " runs");
    }

    @Test
    void activatingIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(this::activate, 200);
        assertTrue(runs >= 5, runs + " runs");
    }

    @Test
    void deactivatingAndActivatingWithAnIdempotencyKeyAreAnsweredOnce() {
        IdempotencyChecks checks = new IdempotencyChecks(function);
        checks.assertAll(this::deactivate, 200, acme.instance());
        checks.assertAll(this::activate, 200, acme.instance());
        checks.assertAll(this::edit, 200, acme.instance());
    }
}
