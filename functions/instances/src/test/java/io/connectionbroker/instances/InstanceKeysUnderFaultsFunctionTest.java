package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.InstanceKeys;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.FaultTest;
import io.connectionbroker.testing.function.FaultTolerance.Call;
import io.connectionbroker.testing.function.IdempotencyChecks;
import org.junit.jupiter.api.Test;

/** The own record and its keys, with every DynamoDB fault at every call each makes: 503 or success, all or nothing. */
class InstanceKeysUnderFaultsFunctionTest extends FaultTest {

    @Test
    void readingTheOwnRecordIsSafeUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(() -> new Call("GET", "/v1/instances/me",
                arrange.instance(Platform.FRESHDESK).apiKey().reveal(), null), 200);
        assertTrue(runs >= 5, runs + " runs");
    }

    @Test
    void issuingAKeyIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(() -> new Call("POST", "/v1/instances/me/keys",
                arrange.instance(Platform.FRESHDESK).apiKey().reveal(), null), 201);
        assertTrue(runs >= 5, runs + " runs");
    }

    @Test
    void issuingAKeyWithAnIdempotencyKeyIsAnsweredOnce() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        new IdempotencyChecks(function).assertAll(() -> new Call("POST", "/v1/instances/me/keys",
                beta.apiKey().reveal(), null), 201, beta.instance());
    }

    @Test
    void revokingAKeyIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(() -> {
            Registered beta = arrange.instance(Platform.FRESHDESK);
            InstanceKeys.Issued second = function.commit(() -> function.bean(InstanceKeys.class).issue(beta.instance()));
            return new Call("DELETE", "/v1/instances/me/keys/" + beta.apiKey().id(), second.apiKey().reveal(), null);
        }, 204);
        assertTrue(runs >= 5, runs + " runs");
    }
}
