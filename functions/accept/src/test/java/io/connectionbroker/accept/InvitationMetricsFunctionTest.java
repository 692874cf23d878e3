package io.connectionbroker.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.FunctionTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded-format metrics the accept function writes, read back from its output. */
class InvitationMetricsFunctionTest extends FunctionTest {

    @Test
    void anAcceptanceALapsedCodeAndEveryRefusalAreCounted() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated accepted = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        Initiated lapsed = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);

        assertEquals(200, accept(beta, accepted.code().reveal()));
        function.clock().advance(Duration.ofHours(73));
        assertEquals(410, accept(beta, lapsed.code().reveal()));
        assertEquals(409, accept(beta, accepted.code().reveal()));
        assertEquals(401, function.post("/v1/invitations/accept", null, "{}").status());

        assertEquals(Map.of("InvitationsAccepted{Service=connection-broker}", 1,
                "ExpiredCodesUsed{Service=connection-broker}", 1,
                "Refusals{Service=connection-broker,ProblemType=invitation-expired}", 1,
                "Refusals{Service=connection-broker,ProblemType=invitation-already-used}", 1,
                "Refusals{Service=connection-broker,ProblemType=unauthenticated}", 1), function.metrics().counts());
    }

    private int accept(Registered caller, String code) {
        return function.post("/v1/invitations/accept", caller.apiKey().reveal(),
                "{\"code\": \"" + code + "\", \"project\": \"HELP\"}").status();
    }
}
