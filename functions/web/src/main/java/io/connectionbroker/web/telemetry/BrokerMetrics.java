package io.connectionbroker.web.telemetry;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * The service's CloudWatch metrics, written as log lines in the embedded metric format: CloudWatch Logs
 * turns them into metrics, so a request never waits on a metrics API. Namespace {@value #NAMESPACE}, with
 * the dimension {@code Service=connection-broker}.
 * Locally the lines are printed to standard output.
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
    private static final String SERVICE_NAME = "connection-broker";
    private static final String EXPIRED_KIND = "invitation-expired";
    private static final Logger LOG = LoggerFactory.getLogger(BrokerMetrics.class);

    private final Environment environment;

    public BrokerMetrics(Environment environment) {
        this.environment = environment;
    }

    public void count(String metric) {
        emit(metric, DimensionSet.of(SERVICE, SERVICE_NAME));
    }

    /** @param kind the problem's kind, as in its type {@code urn:connection-broker:problem:<kind>} */
    public void refused(String kind) {
        emit(REFUSALS, DimensionSet.of(SERVICE, SERVICE_NAME, "ProblemType", kind));
        if (EXPIRED_KIND.equals(kind)) {
            count(EXPIRED_CODES_USED);
        }
    }

    /**
     * Serialises a refusal's metric as {@link #refused} would and writes it nowhere: the library's JSON path
     * (Jackson's object mapper, about 400 classes) is then loaded before a request needs it.
     *
     * @return whether it serialised
     */
    public boolean prime() {
        try {
            MetricsContext context = new MetricsContext();
            context.setNamespace(NAMESPACE);
            context.setDimensions(false, DimensionSet.of(SERVICE, SERVICE_NAME, "ProblemType", EXPIRED_KIND));
            context.putMetric(REFUSALS, 1, Unit.COUNT);
            return !context.serialize().isEmpty();
        } catch (Exception e) {
            LOG.warn("Priming the metrics failed; the first metric will warm them instead", e);
            return false;
        }
    }

    private void emit(String metric, DimensionSet dimensions) {
        try {
            MetricsLogger metrics = new MetricsLogger(environment);
            metrics.setNamespace(NAMESPACE);
            // Not the default dimensions (log group, function): each combination of dimension values is a
            // custom metric billed monthly, and a counter means the same whichever function counts it.
            metrics.setDimensions(false, dimensions);
            metrics.putMetric(metric, 1, Unit.COUNT);
            metrics.flush();
        } catch (RuntimeException e) {
            // A metric is worth less than the answer it describes: never fail a request over one.
            LOG.warn("Could not emit the metric {}", metric, e);
        }
    }
}
