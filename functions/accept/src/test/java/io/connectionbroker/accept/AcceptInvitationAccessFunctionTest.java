package io.connectionbroker.accept;

import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.FunctionTest;
import org.junit.jupiter.api.Test;

/** Who gets into accepting: only a valid key. */
class AcceptInvitationAccessFunctionTest extends FunctionTest {

    @Test
    void acceptingWantsAValidKey() {
        new AccessChecks(function, arrange).assertOnlyAValidKeyGetsIn("POST", "/v1/invitations/accept", "{}");
    }
}
