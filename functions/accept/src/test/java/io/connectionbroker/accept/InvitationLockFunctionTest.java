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

/** Guessing an invitation's secret: after ten wrong codes it refuses every code for 15 minutes. */
class InvitationLockFunctionTest extends FunctionTest {

    @Test
    void tenWrongCodesLockTheInvitationOnItsItemForFifteenMinutes() {
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
        assertNotNull(function.bean(ConnectionStore.class).findInvitation(initiated.code().id()).orElseThrow()
                .lockedUntil(), "the lock is on the item");

        // Another instance of the function, with nothing in memory, sees the same lock.
        try (FunctionUnderTest other = FunctionUnderTest.start(Map.of("connection-broker.table-name",
                function.tableName()))) {
            other.clock().advance(Duration.between(other.clock().instant(), function.clock().instant()));
            assertEquals(429, accept(other, beta, code).status());
        }

        function.clock().advance(Duration.ofMinutes(15).plusSeconds(1));
        Answer open = accept(function, beta, code);
        assertEquals(200, open.status(), open.toString());
        assertTrue(function.metrics().count("Refusals{Service=connection-broker,ProblemType=invitation-locked}") >= 1);
    }

    private static Answer accept(FunctionUnderTest function, Registered caller, String code) {
        return function.post("/v1/invitations/accept", caller.apiKey().reveal(),
                "{\"code\": \"" + code + "\", \"project\": \"HELP\"}");
    }
}
