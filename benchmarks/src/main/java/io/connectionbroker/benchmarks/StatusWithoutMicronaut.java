package io.connectionbroker.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.connectionbroker.domain.AppUrls;
import io.connectionbroker.domain.AuthenticateInstance;
import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.ReadConnectionStatus;
import io.connectionbroker.domain.ViewConnection;
import io.connectionbroker.domain.refusal.Refusal;
import io.connectionbroker.store.dynamodb.DynamoDbConnectionStore;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.EntityTags;
import io.connectionbroker.web.document.ConnectionView;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A what-if, never deployed: the status read as a Lambda handler without Micronaut, on the status function's
 * own domain and store code and the same HTTP client, logging a request line through the same JSON encoder,
 * answering the same document written with Jackson's generator. It runs on the status function's deployable code, so its figures beside the
 * function's are what Micronaut's start and request path cost, the question issue 22's goals come down to.
 * It leaves out what a real one would need (every refusal as a problem document, metrics, SnapStart's hooks),
 * so it is a bound, not a design.
 */
public final class StatusWithoutMicronaut implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(StatusWithoutMicronaut.class);
    private static final JsonFactory JSON = new JsonFactory();
    private final ReadConnectionStatus readStatus;
    private final ViewConnection viewConnection;
    private final AppUrls appUrls = AppUrls.defaults();

    public StatusWithoutMicronaut() {
        DynamoDbClient client = DynamoDbClient.builder().httpClient(ApacheHttpClient.create())
                .endpointOverride(URI.create(System.getenv("AWS_SERVICES_DYNAMODB_ENDPOINT_OVERRIDE")))
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .build();
        ConnectionStore store = new DynamoDbConnectionStore(client, System.getenv("CONNECTION_BROKER_TABLE_NAME"));
        Clock clock = Clock.systemUTC();
        readStatus = new ReadConnectionStatus(store, new AuthenticateInstance(store, clock), clock);
        viewConnection = new ViewConnection(store, clock);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        MDC.put("AWSRequestId", context.getAwsRequestId());
        APIGatewayV2HTTPResponse response;
        try {
            response = status(event);
        } catch (Refusal refusal) {
            response = APIGatewayV2HTTPResponse.builder().withStatusCode(refusal.kind() == Refusal.Kind.UNAUTHENTICATED
                            ? 401 : refusal.kind() == Refusal.Kind.CONNECTION_NOT_FOUND ? 404 : 400)
                    .withHeaders(Map.of("content-type", "application/problem+json"))
                    .withBody("{\"title\":\"" + refusal.kind().title() + "\"}").build();
        }
        MDC.put("method", "GET");
        MDC.put("route", "/v1/connections/{id}");
        MDC.put("status", Integer.toString(response.getStatusCode()));
        MDC.put("latencyMs", Long.toString((System.nanoTime() - started) / 1_000_000));
        LOG.info("answered");
        MDC.clear();
        return response;
    }

    private APIGatewayV2HTTPResponse status(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = event.getHeaders();
        String path = event.getRawPath();
        var read = readStatus.read(CallerInstance.bearerKey(headers.get("authorization")),
                path.substring(path.lastIndexOf('/') + 1));
        var caller = CallerInstance.named(read.caller()).instance();
        Connection connection = read.connection();
        String tag = viewConnection.tag(connection, caller);
        String etag = EntityTags.quoted(tag);
        if (!EntityTags.noneMatchHolds(headers.get("if-none-match"), tag)) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(304).withHeaders(Map.of("etag", etag)).build();
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("content-type", "application/json", "etag", etag))
                .withBody(document(ConnectionView.of(connection, caller.id(), appUrls))).build();
    }

    private static String document(ConnectionView view) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("id", view.id());
            json.writeStringField("status", view.status());
            json.writeStringField("type", view.type());
            json.writeStringField("mode", view.mode());
            json.writeStringField("name", view.name());
            json.writeStringField("description", view.description());
            side(json, "source", view.source());
            side(json, "destination", view.destination());
            json.writeStringField("invitationExpiresAt", view.invitationExpiresAt());
            json.writeStringField("createdAt", view.createdAt());
            json.writeStringField("updatedAt", view.updatedAt());
            json.writeStringField("yourSide", view.yourSide());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void side(JsonGenerator json, String name, ConnectionView.SideView side) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("instanceId", side.instanceId());
        json.writeStringField("url", side.url());
        json.writeStringField("platform", side.platform());
        json.writeStringField("shortName", side.shortName());
        json.writeStringField("project", side.project());
        json.writeStringField("appUrl", side.appUrl());
        json.writeEndObject();
    }
}
