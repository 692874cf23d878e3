package io.connectionbroker.testing.function;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Installs the recorder on the DynamoDB client of a function under test, keeping the client's own settings. */
@Singleton
public class DynamoDbActionRecording implements BeanCreatedEventListener<DynamoDbClientBuilder> {
    private final DynamoDbActionRecorder recorder = new DynamoDbActionRecorder();
    private final DynamoDbFaults faults = new DynamoDbFaults(recorder::inHandler);

    @Override
    public DynamoDbClientBuilder onCreated(BeanCreatedEvent<DynamoDbClientBuilder> event) {
        DynamoDbClientBuilder builder = event.getBean();
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(recorder).addExecutionInterceptor(faults).build());
    }

    DynamoDbActionRecorder recorder() {
        return recorder;
    }

    DynamoDbFaults faults() {
        return faults;
    }
}
