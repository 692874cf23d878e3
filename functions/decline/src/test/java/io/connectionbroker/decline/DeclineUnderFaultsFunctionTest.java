package io.connectionbroker.decline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.FaultTest;
import io.connectionbroker.testing.function.IdempotencyChecks;
import io.connectionbroker.testing.function.FaultTolerance.Call;
import org.junit.jupiter.api.Test;

/** Declining, with every DynamoDB fault at every call it makes: 503 or success, all or nothing. */
class DeclineUnderFaultsFunctionTest extends FaultTest {

    private Registered beta;

    private Call decline() {
        beta = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        return new Call("POST", "/v1/invitations/decline", beta.apiKey().reveal(),
                "{\"code\": \"" + initiated.code().reveal() + "\"}");
    }

    @Test
    void decliningIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(this::decline, 200);
        assertTrue(runs >= 5, runs + " runs");
    }

    @Test
    void decliningWithAnIdempotencyKeyIsAnsweredOnce() {
        IdempotencyChecks checks = new IdempotencyChecks(function);
        checks.assertSentAgainGetsTheFirstAnswer(decline(), 200);
        checks.assertKeyOfAnotherRequestIsRefused(decline(), beta.instance());
        checks.assertMalformedKeyIsRefused(decline());
    }
}
