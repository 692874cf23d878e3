package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.testing.function.FunctionUnderTest;
import io.connectionbroker.wiring.SnapStartPriming;
import io.micronaut.crac.test.CheckpointSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What SnapStart's snapshot captures, run through micronaut-crac's checkpoint simulator. */
class SnapStartPrimingTest {

    @Test
    void primingWarmsJsonAndTheSdkWithoutSendingAnythingOrMakingASecret() {
        CountingEntropy entropy = new CountingEntropy();
        try (FunctionUnderTest function = FunctionUnderTest.start(Map.of("crac.checkpoint-simulator", true), entropy)) {
            DynamoDbClient client = function.bean(DynamoDbClient.class);
            String table = function.tableName();
            long itemsBefore = client.describeTable(r -> r.tableName(table)).table().itemCount();

            int sentBefore = function.dynamoDbRequestsSent();

            CheckpointSimulator simulator = function.bean(CheckpointSimulator.class);
            simulator.runBeforeCheckpoint();

            assertEquals(sentBefore, function.dynamoDbRequestsSent(), "the priming request must not leave the JVM");
            assertEquals(List.of("json", "dynamodb", "metrics"), function.bean(SnapStartPriming.class).primed());
            assertEquals(0, entropy.draws.get(), "no randomness may be drawn before the snapshot");
            assertEquals(itemsBefore, client.describeTable(r -> r.tableName(table)).table().itemCount());

            simulator.runAfterRestore();
            var answer = function.post("/v1/instances", null,
                    io.connectionbroker.testing.function.Arrange.registration("https://restored.zendesk.com"));
            assertEquals(201, answer.status(), answer.toString());
            assertTrue(entropy.draws.get() > 0, "secrets are made per request, after the restore");
        }
    }
}
