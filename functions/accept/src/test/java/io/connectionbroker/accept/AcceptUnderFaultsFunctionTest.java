package io.connectionbroker.accept;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.FaultTest;
import io.connectionbroker.testing.function.IdempotencyChecks;
import io.connectionbroker.testing.function.FaultTolerance.Call;
import org.junit.jupiter.api.Test;

/** Accepting, with every DynamoDB fault at every call it makes: 503 or success, all or nothing. */
class AcceptUnderFaultsFunctionTest extends FaultTest {

    private Registered beta;

    private Call accept() {
        if (beta == null) {
            beta = arrange.instance(Platform.FRESHDESK);
        }
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        return new Call("POST", "/v1/invitations/accept", beta.apiKey().reveal(),
                "{\"code\": \"" + initiated.code().reveal() + "\", \"project\": \"HELP\"}");
    }

    @Test
    void acceptingIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(this::accept, 200);
        assertTrue(runs >= 15, runs + " runs");
    }

    /** A preview changes nothing, whatever fails: 503 or the preview, and the invitation still open. */
    @Test
    void previewingIsSafeUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(() -> {
            Call accept = accept();
            return new Call("POST", "/v1/invitations/preview", accept.apiKey(), accept.body()
                    .replace(", \"project\": \"HELP\"", ""));
        }, 200);
        assertTrue(runs >= 3, runs + " runs");
    }

    @Test
    void acceptingWithAnIdempotencyKeyIsAnsweredOnce() {
        accept();
        new IdempotencyChecks(function).assertAll(this::accept, 200, beta.instance());
    }
}
