package io.connectionbroker.initiate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.connectionbroker.domain.AcceptInvitation;
import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStatus;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.DynamoDbLocalEngine;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.connectionbroker.testing.function.Race;
import io.connectionbroker.web.document.IdempotencyHeaders;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Initiation with an Idempotency-Key: one connection and one code however often, and however concurrently, it is sent. */
class InitiateIdempotencyFunctionTest extends FunctionTest {

    /**
     * A hundred initiations at once are six hundred calls on one DynamoDB Local on two cores: each call is
     * given the time that takes, which the deployed client's 500 ms (sized for DynamoDB itself) is not.
     */
    @Override
    protected Map<String, Object> properties() {
        return Map.of("connection-broker.dynamodb.attempt-timeout", "8s", "connection-broker.dynamodb.call-timeout", "9s");
    }

    private Answer initiate(Registered caller, String destinationUrl, String key) {
        return function.send("POST", "/v1/connections", caller.apiKey().reveal(), """
                {"destination": {"url": "%s"}, "mode": "BASIC", "localShortName": "a", "remoteShortName": "b",
                 "project": "P"}""".formatted(destinationUrl), "application/json", Map.of(IdempotencyHeaders.KEY, key));
    }

    private long connectionsOf(Registered instance) {
        return function.bean(io.connectionbroker.domain.ConnectionStore.class)
                .findConnectionsOf(instance.instance().id(), 100, null).connections().size();
    }

    @Test
    void oneHundredConcurrentSendsMakeOneConnectionAndAllGetItsAnswer() throws Exception {
        Registered gamma = arrange.instance(Platform.ZENDESK);
        Registered beta = arrange.instance(Platform.FRESHDESK);
        String key = UUID.randomUUID().toString();
        Set<String> bodies = ConcurrentHashMap.newKeySet();
        String initiations = "ConnectionsInitiated{Service=connection-broker}";
        int counted = function.metrics().count(initiations);

        Map<String, Integer> told = Race.run(100, i -> () -> {
            Answer answer = initiate(gamma, beta.instance().url().value(), key);
            bodies.add(answer.body());
            return Race.told(answer);
        });

        assertEquals(Map.of("201", 100), told);
        assertEquals(1, bodies.size(), "every caller got the same answer");
        assertEquals(1, connectionsOf(gamma));
        assertEquals(counted + 1, function.metrics().count(initiations), "one initiation counted");
    }

    @Test
    void theReplayedCodeIsTheOneThatWorksAndTheTableHoldsItOnlyEncrypted() {
        Registered gamma = arrange.instance(Platform.ZENDESK);
        Registered beta = arrange.instance(Platform.FRESHDESK);
        String key = UUID.randomUUID().toString();
        initiate(gamma, beta.instance().url().value(), key);

        Answer replayed = initiate(gamma, beta.instance().url().value(), key);

        assertEquals("true", replayed.header(IdempotencyHeaders.REPLAYED));
        String code = replayed.text("invitation.code");
        String dump = DynamoDbLocalEngine.shared().client()
                .scanPaginator(scan -> scan.tableName(function.tableName()).consistentRead(true)).items().stream()
                .map(Object::toString).collect(java.util.stream.Collectors.joining("\n"));
        assertFalse(dump.contains(code), "the code is kept encrypted, never in plain text");
        Connection accepted = function.commit(() -> function.bean(AcceptInvitation.class).accept(beta.instance(),
                new AcceptInvitation.Command(code, "HELP")));
        assertEquals(ConnectionStatus.ACTIVE, accepted.status());
        assertEquals(replayed.text("connection.id"), accepted.id());
    }

    @Test
    void theSameKeyOfAnotherInstanceIsItsOwn() {
        Registered gamma = arrange.instance(Platform.ZENDESK);
        Registered delta = arrange.instance(Platform.ZENDESK);
        String destination = arrange.instance(Platform.FRESHDESK).instance().url().value();

        Answer gammas = initiate(gamma, destination, "shared-key");
        Answer deltas = initiate(delta, destination, "shared-key");

        assertEquals(201, gammas.status());
        assertEquals(201, deltas.status());
        assertEquals(null, deltas.header(IdempotencyHeaders.REPLAYED));
        assertEquals(1, connectionsOf(gamma));
        assertEquals(1, connectionsOf(delta));
    }
}
