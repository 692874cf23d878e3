package io.connectionbroker.wiring;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Loads and initialises the AWS SDK's classes on a thread of its own from the moment the handler class
 * loads, while Micronaut starts on the main thread: the SDK, its HTTP client (with the JVM's TLS trust
 * store) and one request's path through it are about as much start-up work as all of Micronaut's, and
 * the two need not wait for each other. It builds a DynamoDB client of its own, sends a GetItem and a
 * TransactWriteItems that an interceptor stops before they leave the JVM, and closes the client: nothing is sent, read or kept, and
 * its credentials are a placeholder (no secret is made, and none is read). The functions' own client is
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
                .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(STOP))
                .build()) {
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("PRELOAD"),
                    "sk", AttributeValue.fromS("PRELOAD"));
            stopped(() -> client.getItem(request -> request.tableName("preload").consistentRead(true).key(key)));
            stopped(() -> client.transactWriteItems(request -> request.transactItems(item -> item.conditionCheck(
                    check -> check.tableName("preload").key(key).conditionExpression("attribute_not_exists(pk)")))));
        }
    }

    private static void stopped(Runnable call) {
        try {
            call.run();
        } catch (Stopped expected) {
            // the request went as far as it should
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof Stopped)) {
                LOG.debug("Preloading the SDK stopped early; the functions' own client loads the rest", e);
            }
        }
    }

    private static final ExecutionInterceptor STOP = new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            throw new Stopped();
        }
    };

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("preload request stopped before sending", null, false, false);
        }
    }
}
