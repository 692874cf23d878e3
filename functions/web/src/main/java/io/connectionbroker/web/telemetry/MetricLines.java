package io.connectionbroker.web.telemetry;

/** Where {@link BrokerMetrics} writes its lines: each a whole JSON object in the embedded metric format. */
public interface MetricLines {
    void write(String line);
}
