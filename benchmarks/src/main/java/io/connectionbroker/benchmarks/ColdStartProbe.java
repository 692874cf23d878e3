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
import java.util.Map;

/**
 * Runs in a fresh JVM on a function's code, laid out as Lambda runs it ({@link TaskRoots}): builds the
 * handler, answers one API Gateway v2 event, and prints the time from the process started to that answer, the
 * resident set size then, the status, and the time from the process started to the handler built; with
 * PROBE_WARM_REQUESTS set, then the warm latency of the same event. Nothing else of ours is on the class
 * path but this class.
 */
public final class ColdStartProbe {
    /**
     * Requests answered before the warm ones are timed. With compilation stopped at C1, as Lambda runs Java,
     * the timings level off within a few hundred requests.
     */
    static final int WARM_UP = 1_000;
    /** The environment variable that carries {@link System#nanoTime()} as the benchmark started the probe. */
    static final String SPAWNED_AT = "PROBE_SPAWNED_AT_NANOS";

    private ColdStartProbe() {
    }

    /** @param args handler class, HTTP method, path, API key, and a JSON body if the request has one */
    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        long spawned = spawnedAtNanos();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(args[0])
                        .getConstructor().newInstance();
        long constructed = (System.nanoTime() - spawned) / 1_000_000;
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
        long elapsed = (System.nanoTime() - spawned) / 1_000_000;
        System.out.println("PROBE " + elapsed + " " + residentKilobytes() + " " + response.getStatusCode() + " "
                + constructed);
        String warm = System.getenv("PROBE_WARM_REQUESTS");
        if (warm != null) {
            System.out.println("WARM " + warmMicros(handler, event, Integer.parseInt(warm)));
        }
        System.exit(0);
    }

    /**
     * When the benchmark started this process, on the clock {@link System#nanoTime()} reads: on Linux the
     * system-wide monotonic clock, so the same in both processes. Not the process's start instant
     * ({@code ProcessHandle.Info.startInstant()}): Linux gives it from the boot time in whole seconds, so every
     * start it measured came out too long by the same fraction of a second (about 0.5 s on the machine where it
     * was found), which made every start look closer to the floor's than it was.
     */
    private static long spawnedAtNanos() {
        String spawned = System.getenv(SPAWNED_AT);
        if (spawned == null) {
            throw new IllegalStateException(SPAWNED_AT + " is not set: the benchmark sets it as it starts the probe");
        }
        return Long.parseLong(spawned);
    }

    /**
     * The same event answered {@code requests} more times by the warm handler, after {@link #WARM_UP} to warm
     * it: the median and 99th percentile in microseconds, and the status of the last answer.
     */
    private static String warmMicros(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                     APIGatewayV2HTTPEvent event, int requests) {
        ProbeContext context = new ProbeContext();
        for (int i = 0; i < WARM_UP; i++) {
            handler.handleRequest(event, context);
        }
        long[] nanos = new long[requests];
        int status = 0;
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            status = handler.handleRequest(event, context).getStatusCode();
            nanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(nanos);
        return nanos[requests / 2] / 1000 + " " + nanos[(int) Math.ceil(requests * 0.99) - 1] / 1000 + " " + status;
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
