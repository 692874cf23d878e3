package io.connectionbroker.benchmarks;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Runs in a fresh JVM on a function's jar: builds the handler, answers one API Gateway v2 event, and prints
 * the time from process start to that answer, the resident set size then, and the status. Nothing else
 * of ours is on the class path but this class.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    /** @param args handler class, HTTP method, path, API key, and a JSON body if the request has one */
    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(args[0])
                        .getConstructor().newInstance();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath(args[2]).withRawQueryString("")
                .withHeaders(args.length > 4
                        ? Map.of("authorization", "Bearer " + args[3], "host", "localhost",
                                "content-type", "application/json", "content-length", Integer.toString(args[4].length()))
                        : Map.of("authorization", "Bearer " + args[3], "host", "localhost"))
                .withBody(args.length > 4 ? args[4] : null)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("cold-start").withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(args[1]).withPath(args[2]).withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1").withUserAgent("cold-start-probe").build())
                        .build())
                .withIsBase64Encoded(false)
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new ProbeContext());
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        long elapsed = Duration.between(started, Instant.now()).toMillis();
        System.out.println("PROBE " + elapsed + " " + residentKilobytes() + " " + response.getStatusCode());
        System.exit(0);
    }

    private static long residentKilobytes() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** What the Lambda runtime hands a handler, reduced to what it reads. */
    private static final class ProbeContext implements Context {
        @Override
        public String getAwsRequestId() {
            return "cold-start";
        }

        @Override
        public String getLogGroupName() {
            return "cold-start";
        }

        @Override
        public String getLogStreamName() {
            return "cold-start";
        }

        @Override
        public String getFunctionName() {
            return "cold-start";
        }

        @Override
        public String getFunctionVersion() {
            return "1";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:cold-start";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 10_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.write(message, 0, message.length);
                }
            };
        }
    }
}
