package io.connectionbroker.web.telemetry;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;

/** Where {@link BrokerMetrics} writes. */
@Factory
class MetricsEnvironments {
    /**
     * Where the embedded-format metrics go: in Lambda (AWS_LAMBDA_FUNCTION_NAME is set) standard output with
     * the function's default dimensions, which CloudWatch Logs reads; elsewhere standard output plainly.
     * Secondary so that tests can read the metrics.
     */
    @Singleton
    @Secondary
    Environment metricsEnvironment() {
        return System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null ? new LambdaEnvironment()
                : new ConsoleMetricsEnvironment();
    }
}
