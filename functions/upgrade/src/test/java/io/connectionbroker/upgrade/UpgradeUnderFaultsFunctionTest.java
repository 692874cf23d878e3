package io.connectionbroker.upgrade;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.FaultTest;
import io.connectionbroker.testing.function.IdempotencyChecks;
import io.connectionbroker.testing.function.FaultTolerance.Call;
import org.junit.jupiter.api.Test;

/** Upgrading, with every DynamoDB fault at every call it makes: 503 or success, all or nothing. */
class UpgradeUnderFaultsFunctionTest extends FaultTest {

    private Call upgrade() {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        return new Call("POST", "/v1/connections/" + initiated.connection().id() + "/upgrade",
                acme.apiKey().reveal(), "{\"mode\": \"SCRIPT\"}");
    }

    @Test
    void upgradingIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(this::upgrade, 200);
        assertTrue(runs >= 5, runs + " runs");
    }

    @Test
    void upgradingWithAnIdempotencyKeyIsAnsweredOnce() {
        new IdempotencyChecks(function).assertAll(this::upgrade, 200, acme.instance());
    }
}
