package io.connectionbroker.testing.function;

import io.connectionbroker.gateway.GatewayRequest;
import io.connectionbroker.gateway.GatewayResponse;
import io.connectionbroker.gateway.HttpApiGateway;
import io.connectionbroker.helpdesk.standin.StandInHelpdesks;
import io.connectionbroker.testing.DynamoDbLocalEngine;
import io.connectionbroker.testing.SettableClock;
import io.connectionbroker.testing.TableSetUp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function's real Lambda handler ({@link APIGatewayV2HTTPEventFunction}) on DynamoDB Local, with a table
 * of its own and a clock the test sets. Requests go in as API Gateway v2 events, as in AWS. The DynamoDB
 * permissions the function uses are recorded (see {@link DynamoDbActionRecorder}).
 */
public final class FunctionUnderTest implements AutoCloseable {
    private final ApplicationContext context;
    private final APIGatewayV2HTTPEventFunction handler;
    private final HttpApiGateway gateway;
    private final SettableClock clock;
    private final RecordedMetrics metrics;
    private final DynamoDbActionRecorder recorder;
    private final DynamoDbFaults faults;

    private final String tableName;
    /** One for every test of the JVM; its threads are daemons. */
    private static final StandInHelpdesks STAND_IN = StandInHelpdesks.start(0);

    private FunctionUnderTest(Map<String, Object> extraProperties, Object... singletons) {
        DynamoDbLocalEngine engine = DynamoDbLocalEngine.shared();
        Map<String, Object> properties = new HashMap<>();
        properties.put("aws.services.dynamodb.endpoint-override", engine.endpoint().toString());
        properties.put("aws.region", DynamoDbLocalEngine.REGION);
        properties.put("aws.access-key-id", DynamoDbLocalEngine.ACCESS_KEY);
        properties.put("aws.secret-key", DynamoDbLocalEngine.SECRET_KEY);
        tableName = DynamoDbLocalEngine.uniqueTableName("function");
        // Made here, before the function's client exists, so that creating it never counts against the
        // client's timeouts.
        TableSetUp.ensure(engine.client(), tableName);
        properties.put("connection-broker.table-name", tableName);
        // What the deployed functions read from Secrets Manager: the secret kept answers are encrypted with.
        properties.put("connection-broker.idempotency.secret", "test-only-secret-for-kept-answers-0123456789");
        // Registration asks the helpdesk: here the stand-in helpdesks on loopback (see StandInHelpdesks).
        properties.put("connection-broker.helpdesk.stand-in", STAND_IN.endpoint().toString());
        // The recordings and call counts see what requests do, not the warming a start-up runs beside them
        // (StartupWarmingTest starts with it).
        properties.put("connection-broker.warm-at-start", false);
        properties.putAll(extraProperties);
        clock = SettableClock.startingNow();
        metrics = new RecordedMetrics();
        Object[] all = java.util.Arrays.copyOf(singletons, singletons.length + 2);
        all[singletons.length] = clock;
        all[singletons.length + 1] = metrics;
        context = ApplicationContext.builder().environments("test").properties(properties).singletons(all).build();
        handler = new APIGatewayV2HTTPEventFunction(context);
        gateway = new HttpApiGateway(handler, "test");
        recorder = context.getBean(DynamoDbActionRecording.class).recorder();
        faults = context.getBean(DynamoDbActionRecording.class).faults();
    }

    public static FunctionUnderTest start() {
        return new FunctionUnderTest(Map.of());
    }

    public static FunctionUnderTest start(Map<String, Object> properties) {
        return new FunctionUnderTest(properties);
    }

    /** @param beans beans that take the place of the function's own (a clock, an entropy source) */
    public static FunctionUnderTest start(Map<String, Object> properties, Object... beans) {
        return new FunctionUnderTest(properties, beans);
    }

    /** The stand-in helpdesks registration asks. */
    public StandInHelpdesks helpdesks() {
        return STAND_IN;
    }

    public String tableName() {
        return tableName;
    }

    /** How many requests the function's DynamoDB client has sent over the network so far. */
    public int dynamoDbRequestsSent() {
        return recorder.sent();
    }

    public SettableClock clock() {
        return clock;
    }

    /** The faults the function's DynamoDB client can be made to meet. */
    public DynamoDbFaults faults() {
        return faults;
    }

    /** The metrics the function has written so far, as EMF JSON lines. */
    public RecordedMetrics metrics() {
        return metrics;
    }

    /** A bean of the function's own context, for arranging what a test needs through the domain. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * Commits what a domain operation decides, through the function's own runner, as a request would; its events
     * name the test as their actor ({@link #ARRANGED}), since no key called.
     */
    public <R> R commit(java.util.function.Supplier<io.connectionbroker.domain.Decision<R>> decide) {
        return bean(io.connectionbroker.domain.IdempotentRequests.class).commit(ARRANGED, decide);
    }

    /** The actor of changes a test made through {@link #commit}: no instance's key called. */
    public static final io.connectionbroker.domain.Actor ARRANGED = new io.connectionbroker.domain.Actor("test", null);

    /** As {@link #commit}, with events naming the instance as the actor (and no key). */
    public <R> R commitAs(io.connectionbroker.domain.Instance actor,
                         java.util.function.Supplier<io.connectionbroker.domain.Decision<R>> decide) {
        return bean(io.connectionbroker.domain.IdempotentRequests.class).commit(
                new io.connectionbroker.domain.Actor(actor.id(), null), decide);
    }

    public Answer post(String path, String apiKey, String json) {
        return send("POST", path, apiKey, json, "application/json");
    }

    public Answer get(String path, String apiKey) {
        return send("GET", path, apiKey, null, null);
    }

    public Answer send(String method, String path, String apiKey, String body, String contentType) {
        return send(method, path, apiKey, body, contentType, Map.of());
    }

    /** @param extraHeaders more headers, for example an Idempotency-Key */
    public Answer send(String method, String path, String apiKey, String body, String contentType,
                       Map<String, String> extraHeaders) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        extraHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
        if (apiKey != null) {
            headers.put("Authorization", List.of("Bearer " + apiKey));
        }
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        if (body != null) {
            // As every HTTP client sends it, and API Gateway passes it on.
            headers.put("Content-Length", List.of(Integer.toString(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)));
        }
        int query = path.indexOf('?');
        return send(query < 0 ? new GatewayRequest(method, path, "", headers, body)
                : new GatewayRequest(method, path.substring(0, query), path.substring(query + 1), headers, body));
    }

    public Answer send(GatewayRequest request) {
        return send(request, null);
    }

    /** A request to an IAM-authorised route, signed by the principal {@code iamUserArn} (see HttpApiGateway). */
    public Answer sendSignedByIam(String method, String path, String body, String iamUserArn) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        // As a SigV4-signing client sends it; API Gateway checks it, then passes it on with the principal.
        headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-1/execute-api/"
                + "aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64)));
        if (body != null) {
            headers.put("Content-Type", List.of("application/json"));
        }
        return send(new GatewayRequest(method, path, "", headers, body), iamUserArn);
    }

    private Answer send(GatewayRequest request, String iamUserArn) {
        GatewayResponse response = recorder.during(() -> gateway.send(request, iamUserArn));
        JsonMapper json = context.getBean(JsonMapper.class);
        HttpExchangeRecording.record(json, request, response);
        return new Answer(response, json);
    }

    @Override
    public void close() {
        recorder.save();
        handler.close();
    }

    /** The answer to one request, with its body read as JSON. */
    public record Answer(GatewayResponse response, JsonMapper mapper) {
        public int status() {
            return response.status();
        }

        public String header(String name) {
            return response.header(name).orElse(null);
        }

        public String body() {
            return response.body();
        }

        public JsonNode json() {
            try {
                return mapper.readValue(response.body(), JsonNode.class);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }

        /** The text at a dotted path, for example {@code connection.destination.url}; null for JSON null. */
        public String text(String path) {
            JsonNode node = json();
            for (String name : path.split("\\.")) {
                if (node == null || !node.isObject()) {
                    throw new AssertionError("no " + path + " in " + response.body());
                }
                node = node.get(name);
            }
            if (node == null) {
                throw new AssertionError("no " + path + " in " + response.body());
            }
            return node.isNull() ? null : node.coerceStringValue();
        }

        /** The fields a problem's {@code errors} member names, in order; empty when it has none. */
        public List<String> errorFields() {
            JsonNode errors = json().get("errors");
            List<String> fields = new java.util.ArrayList<>();
            if (errors != null) {
                errors.values().forEach(error -> fields.add(error.get("field").getStringValue()));
            }
            return fields;
        }

        @Override
        public String toString() {
            return response.status() + " " + response.headers() + " " + response.body();
        }
    }
}
