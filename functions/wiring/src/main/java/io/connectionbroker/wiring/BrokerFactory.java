package io.connectionbroker.wiring;

import io.connectionbroker.domain.AcceptInvitation;
import io.connectionbroker.domain.AppUrls;
import io.connectionbroker.domain.AuthenticateInstance;
import io.connectionbroker.domain.CheckDestination;
import io.connectionbroker.domain.ConnectionActivation;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.CursorSeal;
import io.connectionbroker.domain.DeclineInvitation;
import io.connectionbroker.domain.DeleteConnection;
import io.connectionbroker.domain.EditConnection;
import io.connectionbroker.domain.Entropy;
import io.connectionbroker.domain.IdempotentRequests;
import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.InstanceKeys;
import io.connectionbroker.domain.EventFeed;
import io.connectionbroker.domain.ListConnections;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.PreviewInvitation;
import io.connectionbroker.domain.ReadConnectionStatus;
import io.connectionbroker.domain.SecureEntropy;
import io.connectionbroker.domain.SyncRules;
import io.connectionbroker.domain.UpgradeConnection;
import io.connectionbroker.domain.ViewConnection;
import io.connectionbroker.store.dynamodb.DynamoDbConnectionStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the domain operations to the DynamoDB store. Beans are made on first use, so each function
 * builds only the operations its controller asks for.
 */
@Factory
public class BrokerFactory {

    /** Secondary so that tests can put a clock of their own in its place. */
    @Singleton
    @Secondary
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Secondary so that tests can count what draws on it. */
    @Singleton
    @Secondary
    Entropy entropy() {
        return new SecureEntropy();
    }

    @Singleton
    ConnectionStore connectionStore(DynamoDbClient client,
                                    @Value("${connection-broker.table-name}") String tableName,
                                    @Value("${connection-broker.dynamodb.feed-append-within:2s}")
                                    java.time.Duration feedAppendWithin) {
        return new DynamoDbConnectionStore(client, tableName, feedAppendWithin);
    }

    @Singleton
    IdempotentRequests idempotentRequests(ConnectionStore store, Clock clock) {
        return new IdempotentRequests(store, clock);
    }

    @Singleton
    AuthenticateInstance authenticateInstance(ConnectionStore store, Clock clock) {
        return new AuthenticateInstance(store, clock);
    }

    @Singleton
    InstanceKeys instanceKeys(ConnectionStore store, Clock clock, Entropy entropy) {
        return new InstanceKeys(store, clock, entropy);
    }

    @Singleton
    InitiateConnection initiateConnection(ConnectionStore store, Clock clock, Entropy entropy,
                                          @Value("${connection-broker.invitation-lifetime}") Duration lifetime,
                                          AppUrls appUrls) {
        return new InitiateConnection(store, clock, entropy, lifetime, appUrls);
    }

    /**
     * Where each platform's app shows a connection: one setting per platform (its default when unset), checked at
     * start-up. Read as plain properties: a default inside {@code @Value} would take the braces of {@code {url}}
     * for a placeholder.
     */
    @Singleton
    AppUrls appUrls(@Nullable @Property(name = "connection-broker.app-url.zendesk") String zendesk,
                    @Nullable @Property(name = "connection-broker.app-url.freshdesk") String freshdesk,
                    @Nullable @Property(name = "connection-broker.app-url.freshservice") String freshservice) {
        Map<Platform, String> patterns = new EnumMap<>(AppUrls.defaults().patterns());
        java.util.Optional.ofNullable(zendesk).ifPresent(pattern -> patterns.put(Platform.ZENDESK, pattern));
        java.util.Optional.ofNullable(freshdesk).ifPresent(pattern -> patterns.put(Platform.FRESHDESK, pattern));
        java.util.Optional.ofNullable(freshservice).ifPresent(pattern -> patterns.put(Platform.FRESHSERVICE, pattern));
        return new AppUrls(patterns);
    }

    @Singleton
    AcceptInvitation acceptInvitation(ConnectionStore store, Clock clock) {
        return new AcceptInvitation(store, clock);
    }

    @Singleton
    CheckDestination checkDestination(ConnectionStore store, Clock clock) {
        return new CheckDestination(store, clock);
    }

    @Singleton
    EditConnection editConnection(ConnectionStore store, Clock clock) {
        return new EditConnection(store, clock);
    }

    @Singleton
    PreviewInvitation previewInvitation(ConnectionStore store, Clock clock) {
        return new PreviewInvitation(store, clock);
    }

    @Singleton
    ViewConnection viewConnection(ConnectionStore store, Clock clock) {
        return new ViewConnection(store, clock);
    }

    @Singleton
    ReadConnectionStatus readConnectionStatus(ConnectionStore store, AuthenticateInstance authenticate, Clock clock) {
        return new ReadConnectionStatus(store, authenticate, clock);
    }

    @Singleton
    DeclineInvitation declineInvitation(ConnectionStore store, Clock clock) {
        return new DeclineInvitation(store, clock);
    }

    /** Only in a function that can sign cursors (the status function holds the service secret's reader). */
    @Singleton
    @Requires(beans = CursorSeal.class)
    ListConnections listConnections(ConnectionStore store, Clock clock, CursorSeal cursors) {
        return new ListConnections(store, clock, cursors);
    }

    /** Beside the list: its cursors are signed the same way. */
    @Singleton
    @Requires(beans = CursorSeal.class)
    EventFeed eventFeed(ConnectionStore store, Clock clock, CursorSeal cursors) {
        return new EventFeed(store, clock, cursors);
    }

    @Singleton
    SyncRules syncRules(ConnectionStore store, Clock clock) {
        return new SyncRules(store, clock);
    }

    @Singleton
    UpgradeConnection upgradeConnection(ConnectionStore store, Clock clock) {
        return new UpgradeConnection(store, clock);
    }

    @Singleton
    DeleteConnection deleteConnection(ConnectionStore store, Clock clock) {
        return new DeleteConnection(store, clock);
    }

    @Singleton
    ConnectionActivation connectionActivation(ConnectionStore store, Clock clock) {
        return new ConnectionActivation(store, clock);
    }
}
