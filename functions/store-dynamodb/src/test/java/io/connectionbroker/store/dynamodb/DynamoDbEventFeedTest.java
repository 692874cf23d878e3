package io.connectionbroker.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.EventFeedContract;
import io.connectionbroker.domain.Invitation;
import io.connectionbroker.testing.DynamoDbLocalEngine;
import io.connectionbroker.testing.TableSetUp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The event feed contract on DynamoDB Local, the real engine; and how this store reads a feed: the events and the
 * feed's head in one Query, lapsed invitations looked for only when the head says one may be due, and the head
 * never told of a lapse later than one listed.
 */
class DynamoDbEventFeedTest extends EventFeedContract {
    private final DynamoDbClient client = DynamoDbLocalEngine.shared().client();
    /** Counts the requests of {@link #watched}, and runs {@link #beforeSettling} once as a read settles a head. */
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicReference<Runnable> beforeSettling = new AtomicReference<>();
    private final DynamoDbClient watchedClient = DynamoDbLocalEngine.clientFor(DynamoDbLocalEngine.shared().endpoint())
            .overrideConfiguration(settings -> settings.addExecutionInterceptor(new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    sent.incrementAndGet();
                    if (context.request() instanceof UpdateItemRequest update
                            && update.updateExpression().contains(FeedHead.NEXT_DUE)) {
                        Runnable hook = beforeSettling.getAndSet(null);
                        if (hook != null) {
                            hook.run();
                        }
                    }
                }
            })).build();
    private String tableName;
    private ConnectionStore store;
    private ConnectionStore watched;

    @BeforeEach
    void freshTable() {
        tableName = DynamoDbLocalEngine.uniqueTableName("feed");
        TableSetUp.ensure(client, tableName);
        store = new DynamoDbConnectionStore(client, tableName);
        watched = new DynamoDbConnectionStore(watchedClient, tableName);
    }

    @AfterEach
    void closeWatchedClient() {
        watchedClient.close();
    }

    @Override
    protected ConnectionStore store() {
        return store;
    }

    private int requestsOf(Runnable read) {
        int before = sent.get();
        read.run();
        return sent.get() - before;
    }

    private void accept(Connection connection) {
        assertTrue(store.answerInvitation(invitationOf(connection), Invitation.Answer.ACCEPTED, "b", now,
                accepted(connection), List.of(), null));
    }

    @Test
    void anIdleReadIsOneQueryAndLooksForLapsesOnlyOnceOneMayBeDue() {
        String a = "a-" + entropy.uuid();
        Instant lapses = now.plus(Duration.ofHours(1));
        accept(createAnnounced(a, lapses));
        assertEquals(1, requestsOf(() -> watched.readFeed(a, 0, 10, now, 25)), "the events and the head, one Query");

        Instant after = lapses.plusSeconds(1);
        assertEquals(3, requestsOf(() -> assertEquals(List.of(), watched.readFeed(a, 1, 10, after, 25).lapsed())),
                "once its lapse time has passed: the events, the listed invitations, and the head told none is left");
        assertEquals(1, requestsOf(() -> watched.readFeed(a, 1, 10, after, 25)), "and then one Query again");
    }

    @Test
    void anInvitationListedWhileAReadSettlesTheHeadIsStillFoundWhenItLapses() {
        String a = "a-" + entropy.uuid();
        Instant answeredLapse = now.plus(Duration.ofHours(1));
        accept(createAnnounced(a, answeredLapse));
        AtomicReference<Connection> listedMeanwhile = new AtomicReference<>();
        beforeSettling.set(() -> listedMeanwhile.set(createAnnounced(a, answeredLapse.plus(Duration.ofHours(1)))));

        // The read finds nothing lapsed and would tell the head none is listed; an invitation is listed first.
        assertEquals(List.of(), watched.readFeed(a, 0, 10, answeredLapse.plusSeconds(1), 25).lapsed());
        assertEquals(List.of(listedMeanwhile.get().invitationId()),
                lapsedAt(a, listedMeanwhile.get().invitationExpiresAt()));
    }

    @Test
    void aHeadWrittenBeforeItKnewWhenInvitationsLapseStillFindsThemAndThenLearns() {
        String a = "a-" + entropy.uuid();
        Instant lapses = now.plus(Duration.ofHours(1));
        Connection earlier = createAnnounced(a, lapses);
        client.updateItem(request -> request.tableName(tableName).key(FeedHead.key(a).attributes())
                .updateExpression("REMOVE #nextDue, #listings")
                .expressionAttributeNames(Map.of("#nextDue", FeedHead.NEXT_DUE, "#listings", FeedHead.LISTINGS)));
        // Listed under such a head: it still does not know, even if a read settled it meanwhile.
        AtomicReference<Connection> listedMeanwhile = new AtomicReference<>();
        beforeSettling.set(() -> listedMeanwhile.set(createAnnounced(a, lapses.plus(Duration.ofMinutes(30)))));
        assertEquals(List.of(), watched.readFeed(a, 0, 10, now, 25).lapsed());

        assertEquals(List.of(earlier.invitationId()), lapsedAt(a, lapses));
        assertEquals(List.of(earlier.invitationId(), listedMeanwhile.get().invitationId()),
                lapsedAt(a, listedMeanwhile.get().invitationExpiresAt()));
        assertEquals(3, requestsOf(() -> watched.readFeed(a, 0, 10, now, 25)), "a read that finds none lapsed");
        assertEquals(1, requestsOf(() -> watched.readFeed(a, 0, 10, now, 25)), "teaches the head");
    }
}
