package io.connectionbroker.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.connectionbroker.testing.function.WrongCode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guessing an invitation's secret: after ten wrong codes the caller who sent them is refused every code for
 * 15 minutes; nobody else is, and once the lock lapses the count starts afresh.
 */
class InvitationLockFunctionTest extends FunctionTest {

    @Test
    void tenWrongCodesLockTheirSenderOutForFifteenMinutesOnTheTable() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        String code = initiated.code().reveal();

        for (int attempt = 1; attempt <= 10; attempt++) {
            Answer wrong = accept(function, beta, WrongCode.sameIdAs(code, attempt));
            assertEquals(404, wrong.status(), "attempt " + attempt + ": " + wrong);
        }
        Answer locked = accept(function, beta, code);
        assertEquals(429, locked.status(), locked.toString());
        assertEquals("urn:connection-broker:problem:invitation-locked", locked.text("type"));
        assertEquals(Long.toString(15 * 60 + 1), locked.header("Retry-After"));
        assertNotNull(function.bean(ConnectionStore.class).findInvitation(initiated.code().id(), beta.instance().id())
                .orElseThrow().lockedUntil(), "the lock is in the table");

        // Another instance of the function, with nothing in memory, sees the same lock.
        try (FunctionUnderTest other = FunctionUnderTest.start(Map.of("connection-broker.table-name",
                function.tableName()))) {
            other.clock().advance(Duration.between(other.clock().instant(), function.clock().instant()));
            assertEquals(429, accept(other, beta, code).status());
        }

        function.clock().advance(Duration.ofMinutes(15).plusSeconds(1));
        // The lock lapsed: the count starts afresh, so nine more wrong codes lock nothing.
        for (int attempt = 11; attempt <= 19; attempt++) {
            assertEquals(404, accept(function, beta, WrongCode.sameIdAs(code, attempt)).status(), "attempt " + attempt);
        }
        Answer open = accept(function, beta, code);
        assertEquals(200, open.status(), open.toString());
        assertTrue(function.metrics().count("Refusals{Service=connection-broker,ProblemType=invitation-locked}") >= 1);
    }

    @Test
    void anotherInstancesForgedCodesLockOnlyItselfOutNeverTheInvitedSide() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Registered forger = arrange.instance(Platform.ZENDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        String code = initiated.code().reveal();

        for (int attempt = 1; attempt <= 10; attempt++) {
            assertEquals(404, accept(function, forger, WrongCode.sameIdAs(code, attempt)).status());
        }

        assertEquals(429, accept(function, forger, code).status(), "the forger locked itself out");
        Answer accepted = accept(function, beta, code);
        assertEquals(200, accepted.status(), accepted.toString());
    }

    @Test
    void aMadeUpIdAndAWrongSecretTakeTheSamePath() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        String code = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC).code().reveal();
        String madeUp = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC).code().reveal();
        function.bean(ConnectionStore.class).deleteConnection(function.bean(ConnectionStore.class)
                .findConnection(function.bean(ConnectionStore.class).findInvitation(madeUp.substring(4, 20))
                        .orElseThrow().connectionId()).orElseThrow(), java.util.List.of());
        accept(function, beta, WrongCode.sameIdAs(code, 1));
        accept(function, beta, madeUp);

        int before = function.dynamoDbRequestsSent();
        assertEquals(404, accept(function, beta, WrongCode.sameIdAs(code, 2)).status());
        int wrongSecret = function.dynamoDbRequestsSent() - before;
        before = function.dynamoDbRequestsSent();
        assertEquals(404, accept(function, beta, madeUp).status());
        int unknownId = function.dynamoDbRequestsSent() - before;

        assertEquals(wrongSecret, unknownId, "the same DynamoDB calls either way");
    }

    private static Answer accept(FunctionUnderTest function, Registered caller, String code) {
        return function.post("/v1/invitations/accept", caller.apiKey().reveal(),
                "{\"code\": \"" + code + "\", \"project\": \"HELP\"}");
    }
}
