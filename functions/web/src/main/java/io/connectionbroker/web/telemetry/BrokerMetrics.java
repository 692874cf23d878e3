package io.connectionbroker.web.telemetry;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's CloudWatch metrics, written as log lines in the embedded metric format: CloudWatch Logs
 * turns them into metrics, so a request never waits on a metrics API. Namespace {@value #NAMESPACE}, with
 * the dimension {@code Service=connection-broker}.
 *
 * <p>The lines are written with the JSON mapper every function already has loaded, not with AWS's EMF
 * library: that library serialises through Jackson's object mapper, about 400 classes and 100 ms more on
 * the first refusal a fresh function answers, for a format of one fixed shape (
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html">
 * specification</a>).
 */
@Singleton
public class BrokerMetrics {
    public static final String NAMESPACE = "ConnectionBroker";
    public static final String CONNECTIONS_INITIATED = "ConnectionsInitiated";
    public static final String INVITATIONS_ACCEPTED = "InvitationsAccepted";
    public static final String INVITATIONS_DECLINED = "InvitationsDeclined";
    /** A lapsed invitation code presented to accept or decline. */
    public static final String EXPIRED_CODES_USED = "ExpiredCodesUsed";
    /** Every problem answered, with the dimension {@code ProblemType} (the kind, for example {@code not-found}). */
    public static final String REFUSALS = "Refusals";
    /** The one dimension every metric has, {@code Service=connection-broker}. */
    public static final String SERVICE = "Service";
    private static final String PROBLEM_TYPE = "ProblemType";
    private static final String SERVICE_NAME = "connection-broker";
    private static final String EXPIRED_KIND = "invitation-expired";
    /** What Lambda tells about where a line was written, as plain members that logs can be searched by. */
    private static final Map<String, String> LAMBDA_PROPERTIES = Map.of(
            "executionEnvironment", "AWS_EXECUTION_ENV",
            "functionVersion", "AWS_LAMBDA_FUNCTION_VERSION",
            "logStreamId", "AWS_LAMBDA_LOG_STREAM_NAME");
    private static final Logger LOG = LoggerFactory.getLogger(BrokerMetrics.class);

    private final MetricLines lines;
    private final JsonMapper json;
    private final Clock clock;

    public BrokerMetrics(MetricLines lines, JsonMapper json, Clock clock) {
        this.lines = lines;
        this.json = json;
        this.clock = clock;
    }

    public void count(String metric) {
        emit(metric, Map.of(SERVICE, SERVICE_NAME));
    }

    /** @param kind the problem's kind, as in its type {@code urn:connection-broker:problem:<kind>} */
    public void refused(String kind) {
        emit(REFUSALS, refusalDimensions(kind));
        if (EXPIRED_KIND.equals(kind)) {
            count(EXPIRED_CODES_USED);
        }
    }

    /**
     * Serialises a refusal's metric as {@link #refused} would and writes it nowhere, so that its JSON path
     * is loaded before a request needs it.
     *
     * @return whether it serialised
     */
    public boolean prime() {
        try {
            return !line(REFUSALS, refusalDimensions(EXPIRED_KIND)).isEmpty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Priming the metrics failed; the first metric will warm them instead", e);
            return false;
        }
    }

    /** {@code Service}, then {@code ProblemType}: the order the line names them in. */
    private static Map<String, String> refusalDimensions(String kind) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put(SERVICE, SERVICE_NAME);
        dimensions.put(PROBLEM_TYPE, kind);
        return dimensions;
    }

    private void emit(String metric, Map<String, String> dimensions) {
        try {
            lines.write(line(metric, dimensions));
        } catch (IOException | RuntimeException e) {
            // A metric is worth less than the answer it describes: never fail a request over one.
            LOG.warn("Could not emit the metric {}", metric, e);
        }
    }

    /**
     * One count of {@code metric} under one dimension set. Not the EMF library's default dimensions (log
     * group, function): each combination of dimension values is a custom metric billed monthly, and a
     * counter means the same whichever function counts it.
     */
    private String line(String metric, Map<String, String> dimensions) throws IOException {
        List<JsonNode> dimensionNames = new ArrayList<>();
        dimensions.keySet().forEach(name -> dimensionNames.add(JsonNode.createStringNode(name)));
        Map<String, JsonNode> directive = new LinkedHashMap<>();
        directive.put("Namespace", JsonNode.createStringNode(NAMESPACE));
        directive.put("Dimensions", JsonNode.createArrayNode(List.of(JsonNode.createArrayNode(dimensionNames))));
        Map<String, JsonNode> definition = new LinkedHashMap<>();
        definition.put("Name", JsonNode.createStringNode(metric));
        definition.put("Unit", JsonNode.createStringNode("Count"));
        directive.put("Metrics", JsonNode.createArrayNode(List.of(JsonNode.createObjectNode(definition))));
        Map<String, JsonNode> aws = new LinkedHashMap<>();
        aws.put("Timestamp", JsonNode.createNumberNode(clock.millis()));
        aws.put("CloudWatchMetrics", JsonNode.createArrayNode(List.of(JsonNode.createObjectNode(directive))));

        Map<String, JsonNode> root = new LinkedHashMap<>();
        root.put("_aws", JsonNode.createObjectNode(aws));
        dimensions.forEach((name, value) -> root.put(name, JsonNode.createStringNode(value)));
        root.put(metric, JsonNode.createNumberNode(1));
        LAMBDA_PROPERTIES.forEach((member, variable) -> {
            String value = System.getenv(variable);
            if (value != null) {
                root.put(member, JsonNode.createStringNode(value));
            }
        });
        return json.writeValueAsString(JsonNode.createObjectNode(root));
    }
}
