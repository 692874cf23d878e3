package io.connectionbroker.wiring;

import io.connectionbroker.domain.refusal.InvalidRequest;
import io.connectionbroker.web.body.JsonBodies;
import io.connectionbroker.web.document.ConnectionView;
import io.connectionbroker.web.document.InstanceView;
import io.connectionbroker.web.problem.Problems;
import io.connectionbroker.web.telemetry.BrokerMetrics;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.crac.OrderedResource;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Warms the paths of a first request before SnapStart takes its snapshot, so restored functions answer
 * their first request without loading and compiling them: reading a JSON body, writing views and
 * problems, and a DynamoDB key read, batch read, transaction and query through the whole SDK pipeline
 * (marshalling, endpoint, signing), each stopped before it leaves the JVM; and a metric serialised but
 * written nowhere.
 * It reads and writes no data and makes no secret.
 */
@Singleton
// Resource is named directly, not only through OrderedResource, so that AWS's SnapStart SpotBugs rules
// examine beforeCheckpoint (they look at direct implementations only).
public class SnapStartPriming implements OrderedResource, Resource, BeanCreatedEventListener<DynamoDbClientBuilder> {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    private final JsonBodies bodies;
    private final JsonMapper mapper;
    private final BrokerMetrics metrics;
    private final io.micronaut.context.BeanProvider<DynamoDbClient> client;
    private final String tableName;
    private final List<String> primed = new CopyOnWriteArrayList<>();

    public SnapStartPriming(JsonBodies bodies, JsonMapper mapper, io.micronaut.context.BeanProvider<DynamoDbClient> client,
                            BrokerMetrics metrics, @Value("${connection-broker.table-name}") String tableName) {
        this.bodies = bodies;
        this.metrics = metrics;
        this.mapper = mapper;
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public DynamoDbClientBuilder onCreated(BeanCreatedEvent<DynamoDbClientBuilder> event) {
        DynamoDbClientBuilder builder = event.getBean();
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(PrimingRequests.STOP_BEFORE_SENDING).build());
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        List<String> done = new java.util.ArrayList<>(prime());
        // Time spent here is spent once per published version, so the snapshot also gets what only some
        // requests need: the metrics' JSON path.
        if (metrics.prime()) {
            done.add("metrics");
        }
        primed.clear();
        primed.addAll(done);
        LOG.info("Primed before the snapshot: {}", done);
    }

    /**
     * Warms what every function's first request needs, sending nothing and making no secret; also run at
     * start-up by {@link StartupWarming}.
     *
     * @return what it warmed, in order
     */
    public List<String> prime() {
        List<String> done = new java.util.ArrayList<>();
        if (primeJson()) {
            done.add("json");
        }
        if (primeDynamoDb()) {
            done.add("dynamodb");
        }
        return done;
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing was opened or made before the snapshot that a restored instance must renew.
    }

    /** What the last checkpoint warmed, in order. */
    public List<String> primed() {
        return List.copyOf(primed);
    }

    private boolean primeJson() {
        try {
            bodies.read("{\"destination\": {\"private\": true}, \"mode\": \"BASIC\", \"project\": \"P\"}")
                    .allowOnly("destination", "mode", "project").throwIfInvalid();
            mapper.writeValueAsBytes(new InstanceView("id", "https://primed.zendesk.com", "ZENDESK", "FREE", null, true,
                    "2026-01-01T00:00:00Z"));
            mapper.writeValueAsBytes(new ConnectionView("id", "PENDING", "PRIVATE", "BASIC", "a_to_b", null,
                    new ConnectionView.SideView("id", "https://primed.example.com", "ZENDESK", "a", "P",
                            "https://primed.example.com/app"),
                    new ConnectionView.SideView(null, null, null, "b", null, null), "2026-01-01T00:00:00Z",
                    "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "SOURCE"));
            mapper.writeValueAsBytes(Problems.response(io.micronaut.http.HttpStatus.BAD_REQUEST, "invalid-request",
                    "title", "detail", Map.of()).body());
            try {
                bodies.read("{\"mode\": 1}").allowOnly("destination").throwIfInvalid();
            } catch (InvalidRequest expected) {
                // the refusal path is warmed too
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Priming JSON failed; the first request will warm it instead", e);
            return false;
        }
    }

    private boolean primeDynamoDb() {
        return PrimingRequests.sendStopped(client.get(), tableName);
    }
}
