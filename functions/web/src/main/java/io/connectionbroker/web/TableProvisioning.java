package io.connectionbroker.web;

import io.connectionbroker.store.dynamodb.ConnectionTable;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Creates the table at start-up when {@code connection-broker.create-table} is true: for the local API and
 * the tests, which run on an empty DynamoDB Local. Off in AWS, where the deployment template owns the table.
 */
@Singleton
@Requires(property = "connection-broker.create-table", value = "true")
public class TableProvisioning implements ApplicationEventListener<StartupEvent> {
    private final DynamoDbClient client;
    private final String tableName;

    public TableProvisioning(DynamoDbClient client, @Value("${connection-broker.table-name}") String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        ConnectionTable.createIfMissing(client, tableName);
    }
}
