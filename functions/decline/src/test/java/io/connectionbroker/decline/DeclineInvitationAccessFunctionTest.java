package io.connectionbroker.decline;

import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.FunctionTest;
import org.junit.jupiter.api.Test;

/** Who gets into declining: only a valid key. */
class DeclineInvitationAccessFunctionTest extends FunctionTest {

    @Test
    void decliningWantsAValidKey() {
        new AccessChecks(function, arrange).assertOnlyAValidKeyGetsIn("POST", "/v1/invitations/decline", "{}");
    }
}
