package io.connectionbroker.initiate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.FaultTest;
import io.connectionbroker.testing.function.IdempotencyChecks;
import io.connectionbroker.testing.function.FaultTolerance.Call;
import org.junit.jupiter.api.Test;

/** Initiation and re-invitation, with every DynamoDB fault at every call each makes: 503 or success, all or nothing. */
class InitiateUnderFaultsFunctionTest extends FaultTest {

    private Call initiate() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        return new Call("POST", "/v1/connections", acme.apiKey().reveal(), """
                {"destination": {"url": "%s"}, "mode": "BASIC", "localShortName": "a",
                 "remoteShortName": "b", "project": "P"}""".formatted(beta.instance().url().value()));
    }

    private Call reinvite() {
        Initiated initiated = arrange.connectionTo(acme.instance(), arrange.instance(Platform.ZENDESK).instance(),
                Mode.BASIC);
        return new Call("POST", "/v1/connections/" + initiated.connection().id() + "/invitation",
                acme.apiKey().reveal(), null);
    }

    @Test
    void initiatingIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(this::initiate, 201);
        assertTrue(runs >= 5, runs + " runs");
    }

    @Test
    void reinvitingIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(this::reinvite, 201);
        assertTrue(runs >= 5, runs + " runs");
    }

    @Test
    void checkingADestinationIsSafeUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(() -> new Call("GET", "/v1/destinations?url="
                + arrange.instance(Platform.FRESHDESK).instance().url().value(), acme.apiKey().reveal(), null), 200);
        assertTrue(runs >= 2, runs + " runs");
    }

    @Test
    void initiatingAndReinvitingWithAnIdempotencyKeyAreAnsweredOnce() {
        IdempotencyChecks checks = new IdempotencyChecks(function);
        checks.assertAll(this::initiate, 201, acme.instance());
        checks.assertAll(this::reinvite, 201, acme.instance());
    }
}
