package io.connectionbroker.delete;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.FunctionTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who gets into deletion: only a valid key, and for a connection only one of its sides. */
class DeleteConnectionAccessFunctionTest extends FunctionTest {

    @Test
    void deletingAConnection() {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());
        new AccessChecks(function, arrange).assertOnlyASideGetsIn("DELETE", "/v1/connections/" + connection.id(),
                null, List.of(connection.id(), connection.source().url().value(), connection.destination().url().value()));
    }
}
