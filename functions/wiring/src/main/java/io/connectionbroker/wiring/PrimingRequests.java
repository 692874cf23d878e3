package io.connectionbroker.wiring;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * DynamoDB requests that go through the whole SDK pipeline (marshalling, endpoint, signing) and are stopped
 * before they leave the JVM: what SnapStart's priming and the start-up preload warm the SDK with.
 */
final class PrimingRequests {
    private static final Logger LOG = LoggerFactory.getLogger(PrimingRequests.class);
    /** Marks a priming request, which {@link #STOP_BEFORE_SENDING} stops. */
    private static final String PRIMING_HEADER = "x-connection-broker-priming";

    /** Stops a priming request after it is signed and before it is sent; passes every other request. */
    static final ExecutionInterceptor STOP_BEFORE_SENDING = new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.httpRequest().firstMatchingHeader(PRIMING_HEADER).isPresent()) {
                throw new StoppedBeforeSending();
            }
        }
    };

    private PrimingRequests() {
    }

    /**
     * A key read, a batch read, a transaction and a key query, the kinds of call the functions make, on a
     * client that has {@link #STOP_BEFORE_SENDING}.
     *
     * @return whether each went as far as it should: signed, then stopped before it was sent
     */
    static boolean sendStopped(DynamoDbClient client, String tableName) {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("PRIMING"),
                "sk", AttributeValue.fromS("PRIMING"));
        return stopped(() -> client.getItem(request -> request.tableName(tableName).key(key)
                .consistentRead(true)
                .overrideConfiguration(o -> o.putHeader(PRIMING_HEADER, "true"))))
                && stopped(() -> client.batchGetItem(request -> request
                .requestItems(Map.of(tableName, KeysAndAttributes.builder().keys(key).consistentRead(true).build()))
                .overrideConfiguration(o -> o.putHeader(PRIMING_HEADER, "true"))))
                && stopped(() -> client.transactWriteItems(request -> request
                .transactItems(item -> item.conditionCheck(check -> check.tableName(tableName).key(key)
                        .conditionExpression("attribute_not_exists(pk)")))
                .overrideConfiguration(o -> o.putHeader(PRIMING_HEADER, "true"))))
                && stopped(() -> client.query(request -> request.tableName(tableName)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", key.get("pk")))
                .consistentRead(true)
                .overrideConfiguration(o -> o.putHeader(PRIMING_HEADER, "true"))));
    }

    private static boolean stopped(Runnable call) {
        try {
            call.run();
            LOG.warn("The priming request was not stopped before sending");
            return false;
        } catch (StoppedBeforeSending expected) {
            return true;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof StoppedBeforeSending) {
                return true;
            }
            LOG.warn("Priming the DynamoDB client failed; the first request will warm it instead", e);
            return false;
        }
    }

    private static final class StoppedBeforeSending extends RuntimeException {
        StoppedBeforeSending() {
            super("priming request stopped before sending", null, false, false);
        }
    }
}
