package io.connectionbroker.web.telemetry;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/**
 * Metric lines on standard output: in Lambda each line becomes a log event that CloudWatch Logs turns into
 * metrics; locally they are printed. Secondary so that tests can read the metrics.
 */
@Singleton
@Secondary
class StandardOutputMetricLines implements MetricLines {
    @Override
    public void write(String line) {
        System.out.println(line);
    }
}
