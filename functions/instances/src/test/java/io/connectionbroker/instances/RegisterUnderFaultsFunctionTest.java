package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.InstanceKeys;
import io.connectionbroker.domain.License;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance;
import io.connectionbroker.helpdesk.standin.StandInHelpdesks;
import io.connectionbroker.testing.function.FaultTest;
import io.connectionbroker.testing.function.FaultTolerance.Call;
import io.connectionbroker.testing.function.IdempotencyChecks;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Registration and key recovery, with every DynamoDB fault at every call they make: 503 or success, all or nothing. */
class RegisterUnderFaultsFunctionTest extends FaultTest {

    private static Call register() {
        return new Call("POST", "/v1/instances", null, "{\"url\": \"https://f" + UUID.randomUUID().toString()
                .replace("-", "") + ".zendesk.com\", \"proof\": {\"kind\": \"OAUTH\", \"accessToken\": \""
                + StandInHelpdesks.ADMIN + "\"}}");
    }

    @Test
    void registeringIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(RegisterUnderFaultsFunctionTest::register, 201);
        assertTrue(runs >= 5, runs + " runs");
    }

    @Test
    void registeringWithAnIdempotencyKeyIsAnsweredOnce() {
        new IdempotencyChecks(function).assertAll(RegisterUnderFaultsFunctionTest::register, 201, null);
    }

    /** An instance with two keys whose administrator recovers its access: a fresh instance for each run. */
    private Call recover() {
        RegisterInstance.Registered instance = arrange.instance(Platform.FRESHDESK, License.TRIAL, true);
        function.commit(() -> function.bean(InstanceKeys.class).issue(instance.instance()));
        return new Call("POST", "/v1/instances/recover", null, "{\"url\": \"" + instance.instance().url()
                + "\", \"proof\": {\"kind\": \"API_KEY\", \"apiKey\": \"" + StandInHelpdesks.ADMIN + "\"}}");
    }

    @Test
    void recoveringIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(this::recover, 201);
        assertTrue(runs >= 5, runs + " runs");
    }

    @Test
    void recoveringWithAnIdempotencyKeyIsAnsweredOnce() {
        new IdempotencyChecks(function).assertAll(this::recover, 201, null);
    }
}
