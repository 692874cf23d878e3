package io.connectionbroker.wiring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Loads and initialises the AWS SDK's classes on a thread of its own from the moment the handler class
 * loads, while Micronaut starts on the main thread: the SDK, its HTTP client (with the JVM's TLS trust
 * store) and one request's path through it are about as much start-up work as all of Micronaut's, and
 * the two need not wait for each other. It builds a DynamoDB client of its own, sends the requests
 * {@link PrimingRequests} stops before they leave the JVM, and closes the client: nothing is sent, read or
 * kept, and its credentials are a placeholder (no secret is made, and none is read). The functions' own client is
 * then built by Micronaut from classes already loaded. This gains where the start has more than one
 * core to run on; on one, it costs the little the thread itself takes.
 */
final class SdkPreload {
    private static final Logger LOG = LoggerFactory.getLogger(SdkPreload.class);

    private SdkPreload() {
    }

    static void start() {
        Thread thread = new Thread(() -> {
            try {
                preload();
            } catch (RuntimeException e) {
                LOG.debug("Preloading the SDK failed; the functions' own client loads it instead", e);
            }
        }, "sdk-preload");
        thread.setDaemon(true);
        thread.start();
    }

    private static void preload() {
        String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
        try (DynamoDbClient client = DynamoDbClient.builder()
                .region(Region.of(region))
                // A placeholder: the request is signed (warming the signer) and stopped before it is sent.
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("preload", "preload")))
                .httpClient(ApacheHttpClient.builder().build())
                .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(
                        PrimingRequests.STOP_BEFORE_SENDING))
                .build()) {
            PrimingRequests.sendStopped(client, "preload");
        }
    }
}
