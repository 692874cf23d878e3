package io.connectionbroker.testing.function;

import io.connectionbroker.web.telemetry.MetricLines;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Takes the place of the function's standard output for metrics and keeps each EMF line it would print. */
public final class RecordedMetrics implements MetricLines {
    public static final String NAMESPACE = "ConnectionBroker";
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** The embedded-format JSON lines written so far, oldest first. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * How much of each metric the lines add up to, by name and dimension values, for example
     * {@code ConnectionsInitiated{Service=connection-broker}}; every line must be in the
     * {@value #NAMESPACE} namespace.
     */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : lines) {
            JsonNode root = read(line);
            for (JsonNode directive : root.get("_aws").get("CloudWatchMetrics").values()) {
                if (!NAMESPACE.equals(directive.get("Namespace").getStringValue())) {
                    throw new AssertionError("a metric outside " + NAMESPACE + ": " + line);
                }
                StringBuilder dimensions = new StringBuilder();
                for (JsonNode set : directive.get("Dimensions").values()) {
                    for (JsonNode name : set.values()) {
                        dimensions.append(dimensions.length() == 0 ? "{" : ",").append(name.getStringValue())
                                .append('=').append(root.get(name.getStringValue()).getStringValue());
                    }
                }
                String suffix = dimensions.length() == 0 ? "" : dimensions.append('}').toString();
                for (JsonNode metric : directive.get("Metrics").values()) {
                    String name = metric.get("Name").getStringValue();
                    counts.merge(name + suffix, root.get(name).getIntValue(), Integer::sum);
                }
            }
        }
        return counts;
    }

    /** One entry of {@link #counts()}, 0 when it was never written. */
    public int count(String metric) {
        return counts().getOrDefault(metric, 0);
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readValue(line, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not an EMF line: " + line, e);
        }
    }

    @Override
    public void write(String line) {
        lines.add(line);
    }
}
