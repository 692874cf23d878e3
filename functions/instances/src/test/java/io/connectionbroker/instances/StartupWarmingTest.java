package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.testing.function.FunctionUnderTest;
import io.connectionbroker.wiring.StartupWarming;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A start without a snapshot warms the first request's paths on a thread of its own, sending nothing. */
class StartupWarmingTest {

    @Test
    void aStartWarmsJsonAndTheSdkBesideItSendingNothingAndMakingNoSecret() throws Exception {
        CountingEntropy entropy = new CountingEntropy();
        try (FunctionUnderTest function = FunctionUnderTest.start(Map.of("connection-broker.warm-at-start", true),
                entropy)) {
            // Generous: the warming is a few hundred milliseconds of class loading, on however busy a machine.
            assertEquals(List.of("json", "dynamodb"),
                    function.bean(StartupWarming.class).warmed().get(2, TimeUnit.MINUTES));
            assertEquals(0, function.dynamoDbRequestsSent(), "the warming request must not leave the JVM");
            assertEquals(0, entropy.draws.get(), "no randomness may be drawn at start-up");

            var answer = function.post("/v1/instances", null,
                    io.connectionbroker.testing.function.Arrange.registration("https://warmed.zendesk.com"));
            assertEquals(201, answer.status(), answer.toString());
            assertTrue(entropy.draws.get() > 0, "secrets are made per request");
        }
    }

    @Test
    void theFunctionTestsStartWithoutIt() throws Exception {
        try (FunctionUnderTest function = FunctionUnderTest.start()) {
            assertEquals(List.of(), function.bean(StartupWarming.class).warmed().get(1, TimeUnit.MINUTES));
        }
    }
}
