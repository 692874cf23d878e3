package io.connectionbroker.web.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The lines against the embedded metric format's specification, as CloudWatch Logs reads them. */
class BrokerMetricsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00.123Z");
    private final JsonMapper json = JsonMapper.createDefault();
    private final List<String> lines = new ArrayList<>();
    private final BrokerMetrics metrics = new BrokerMetrics(lines::add, json, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCountIsOneLineWithItsDirectiveFirstAndItsDimensionAndValueAsMembers() throws IOException {
        metrics.count(BrokerMetrics.CONNECTIONS_INITIATED);

        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("{\"_aws\":{"), lines.get(0));
        assertTrue(!lines.get(0).contains("\n"), "one line");
        assertTrue(lines.get(0).contains("{\"Name\":\"ConnectionsInitiated\",\"Unit\":\"Count\"}"),
                "the metric's members in one order, run after run: " + lines.get(0));
        JsonNode line = json.readValue(lines.get(0), JsonNode.class);
        JsonNode aws = line.get("_aws");
        assertEquals(NOW.toEpochMilli(), aws.get("Timestamp").getLongValue());
        JsonNode directive = only(aws.get("CloudWatchMetrics"));
        assertEquals("ConnectionBroker", directive.get("Namespace").getStringValue());
        assertEquals(List.of("Service"), strings(only(directive.get("Dimensions"))));
        JsonNode metric = only(directive.get("Metrics"));
        assertEquals("ConnectionsInitiated", metric.get("Name").getStringValue());
        assertEquals("Count", metric.get("Unit").getStringValue());
        assertEquals("connection-broker", line.get("Service").getStringValue());
        assertEquals(1, line.get("ConnectionsInitiated").getIntValue());
    }

    @Test
    void aRefusalIsCountedByItsKindAndALapsedCodeAlsoCountsOnItsOwn() throws IOException {
        metrics.refused("invitation-expired");

        assertEquals(2, lines.size(), lines.toString());
        JsonNode refusal = json.readValue(lines.get(0), JsonNode.class);
        JsonNode directive = only(refusal.get("_aws").get("CloudWatchMetrics"));
        assertEquals(List.of("Service", "ProblemType"), strings(only(directive.get("Dimensions"))));
        assertEquals("Refusals", only(directive.get("Metrics")).get("Name").getStringValue());
        assertEquals("invitation-expired", refusal.get("ProblemType").getStringValue());
        assertEquals(1, refusal.get("Refusals").getIntValue());
        JsonNode expired = json.readValue(lines.get(1), JsonNode.class);
        assertEquals(1, expired.get("ExpiredCodesUsed").getIntValue());
        assertEquals(null, expired.get("ProblemType"), "counted once whatever the kind, so without it");
    }

    @Test
    void aMetricThatCannotBeWrittenNeverFailsTheRequest() {
        BrokerMetrics broken = new BrokerMetrics(line -> {
            throw new IllegalStateException("standard output is gone");
        }, json, Clock.fixed(NOW, ZoneOffset.UTC));

        broken.refused("not-found");
        assertTrue(broken.prime(), "priming writes nowhere");
    }

    private static JsonNode only(JsonNode array) {
        assertEquals(1, array.size(), "one element");
        return array.get(0);
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.values().spliterator(), false).map(JsonNode::getStringValue).toList();
    }
}
