package io.connectionbroker.web.telemetry;

import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ConsoleSink;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

/**
 * Where metrics go outside Lambda (the local API): standard output, one JSON line each. Chosen explicitly,
 * so that the EMF library never probes for an EC2 or ECS agent over the network.
 */
final class ConsoleMetricsEnvironment implements Environment {
    private final ISink sink = new ConsoleSink();

    @Override
    public boolean probe() {
        return true;
    }

    @Override
    public String getName() {
        return "connection-broker";
    }

    @Override
    public String getType() {
        return "Local";
    }

    @Override
    public String getLogGroupName() {
        return "connection-broker-local";
    }

    @Override
    public void configureContext(MetricsContext context) {
        // No default dimensions locally: there is no function or log group to name.
    }

    @Override
    public ISink getSink() {
        return sink;
    }
}
