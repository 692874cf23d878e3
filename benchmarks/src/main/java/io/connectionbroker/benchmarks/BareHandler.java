package io.connectionbroker.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The floor: a Lambda handler with nothing but the fewest SDK calls a status read needs (the caller's key,
 * which carries its instance, and the connection: one consistent BatchGetItem), here on url-connection-client;
 * its subclasses make them on the SDK's other HTTP clients.
 */
public class BareHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final DynamoDbClient client;
    private final String table = System.getenv("CONNECTION_BROKER_TABLE_NAME");

    public BareHandler() {
        this(UrlConnectionHttpClient.create());
    }

    /** @param http the SDK HTTP client to measure */
    protected BareHandler(SdkHttpClient http) {
        client = DynamoDbClient.builder()
                .httpClient(http)
                .endpointOverride(URI.create(System.getenv("AWS_SERVICES_DYNAMODB_ENDPOINT_OVERRIDE")))
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String key = event.getHeaders().get("authorization").substring("Bearer cbk_".length(), 27);
        String id = event.getRawPath().substring(event.getRawPath().lastIndexOf('/') + 1);
        var items = client.batchGetItem(batch -> batch.requestItems(Map.of(table, KeysAndAttributes.builder()
                .consistentRead(true).keys(key("API_KEY#" + key, "API_KEY"), key("CONNECTION#" + id, "CONNECTION"))
                .build()))).responses().getOrDefault(table, List.of());
        boolean known = items.stream().anyMatch(item -> item.get("sk").s().equals("API_KEY")
                && item.containsKey("instance"));
        boolean found = known && items.stream().anyMatch(item -> item.get("sk").s().equals("CONNECTION"));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(found ? 200 : 404).withBody("{}").build();
    }

    private static Map<String, AttributeValue> key(String partitionKey, String sortKey) {
        return Map.of("pk", AttributeValue.fromS(partitionKey), "sk", AttributeValue.fromS(sortKey));
    }
}
