package io.connectionbroker.rules;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.FunctionTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who gets into sync rules: only a valid key, and for a connection only one of its sides. */
class SyncRulesAccessFunctionTest extends FunctionTest {

    @Test
    void readingAndReplacingRules() {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());
        AccessChecks access = new AccessChecks(function, arrange);
        String path = "/v1/connections/" + connection.id() + "/rules";
        access.assertOnlyASideGetsIn("GET", path, null, List.of(connection.id(), connection.source().url().value(), connection.destination().url().value()));
        access.assertOnlyASideGetsIn("PUT", path, "{\"version\": 1, \"outgoing\": [], \"incoming\": []}",
                List.of(connection.id(), connection.source().url().value(), connection.destination().url().value()));
    }
}
