package io.connectionbroker.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The floor: a Lambda handler with nothing but the fewest SDK calls a status read needs (the caller's key,
 * which carries its instance, then the connection: two consistent GetItems), here on url-connection-client;
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
        Map<String, AttributeValue> keyItem = get("API_KEY#" + key, "API_KEY");
        boolean known = keyItem != null && keyItem.containsKey("instance");
        String id = event.getRawPath().substring(event.getRawPath().lastIndexOf('/') + 1);
        boolean found = known && get("CONNECTION#" + id, "CONNECTION") != null;
        return APIGatewayV2HTTPResponse.builder().withStatusCode(found ? 200 : 404).withBody("{}").build();
    }

    private Map<String, AttributeValue> get(String partitionKey, String sortKey) {
        var response = client.getItem(get -> get.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS(partitionKey), "sk", AttributeValue.fromS(sortKey))));
        return response.hasItem() ? response.item() : null;
    }
}
