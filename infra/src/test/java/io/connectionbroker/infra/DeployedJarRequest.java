package io.connectionbroker.infra;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContextProvider;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs in a fresh JVM whose class path is one deployable jar and this class: builds the handler the
 * template names, as Lambda does, hands it one API Gateway v2 event and prints the answer's status and
 * body, then the domain operations it made. Everything else it uses comes from the jar.
 */
public final class DeployedJarRequest {
    private DeployedJarRequest() {
    }

    /** The domain operations the function has made so far, by class name, sorted. */
    private static String madeOperations(ApplicationContextProvider handler) {
        return handler.getApplicationContext().getActiveBeanRegistrations(Object.class).stream()
                .map(registration -> registration.bean().getClass())
                .filter(type -> type.getPackageName().equals("io.connectionbroker.domain"))
                .map(Class::getSimpleName).sorted().collect(Collectors.joining(","));
    }

    /** @param args handler class, HTTP method, path, API key ("-" for none), and a JSON body if any */
    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(args[0])
                        .getConstructor().newInstance();
        Map<String, String> headers = new HashMap<>(Map.of("host", "localhost"));
        if (!args[3].equals("-")) {
            headers.put("authorization", "Bearer " + args[3]);
        }
        String body = args.length > 4 ? args[4] : null;
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath(args[2]).withRawQueryString("")
                .withHeaders(headers)
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("deployed-jar-test").withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(args[1]).withPath(args[2]).withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1").withUserAgent("deployed-jar-test").build())
                        .build())
                .withIsBase64Encoded(false)
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new MockLambdaContext());
        System.out.println("ANSWERED " + response.getStatusCode() + " " + response.getBody());
        System.out.println("MADE " + madeOperations((ApplicationContextProvider) handler));
        System.exit(0);
    }
}
