package io.connectionbroker.instances;

import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.FunctionTest;
import org.junit.jupiter.api.Test;

/** Who gets into an instance's own record and keys: only a valid key. */
class InstanceKeysAccessFunctionTest extends FunctionTest {

    @Test
    void theOwnRecordAndKeysWantAValidKey() {
        AccessChecks access = new AccessChecks(function, arrange);
        access.assertOnlyAValidKeyGetsIn("GET", "/v1/instances/me", null);
        access.assertOnlyAValidKeyGetsIn("POST", "/v1/instances/me/keys", null);
        access.assertOnlyAValidKeyGetsIn("DELETE", "/v1/instances/me/keys/" + acme.apiKey().id(), null);
    }
}
