package io.connectionbroker.testing.function;

import java.util.Map;

/**
 * A function test that meets DynamoDB faults: the client's timeouts are shortened (the same settings,
 * smaller numbers, still roomy for DynamoDB Local on a busy machine) so that hanging calls end quickly.
 */
public abstract class FaultTest extends FunctionTest {
    protected FaultTolerance faults;

    @Override
    protected Map<String, Object> properties() {
        return Map.of("connection-broker.dynamodb.attempt-timeout", "300ms",
                "connection-broker.dynamodb.call-timeout", "700ms",
                "connection-broker.dynamodb.backoff", "1ms",
                "connection-broker.dynamodb.throttling-backoff", "1ms");
    }

    @org.junit.jupiter.api.BeforeAll
    void startFaults() {
        faults = new FaultTolerance(function);
    }
}
