package io.connectionbroker.status;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.FunctionTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who gets into a connection's status and the list: only a valid key, and for a connection only one of its sides. */
class ConnectionStatusAccessFunctionTest extends FunctionTest {

    @Test
    void readingAConnectionOrTheList() {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());
        AccessChecks access = new AccessChecks(function, arrange);
        access.assertOnlyASideGetsIn("GET", "/v1/connections/" + connection.id(), null, List.of(connection.id(), connection.source().url().value(), connection.destination().url().value()));
        access.assertOnlyAValidKeyGetsIn("GET", "/v1/connections", null);
    }
}
