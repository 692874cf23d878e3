package io.connectionbroker.activation;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.FunctionTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who gets into deactivation and activation: only a valid key, and for a connection only one of its sides. */
class ConnectionActivationAccessFunctionTest extends FunctionTest {

    @Test
    void switchingAConnectionOffAndOn() {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());
        AccessChecks access = new AccessChecks(function, arrange);
        for (String action : List.of("deactivate", "activate")) {
            access.assertOnlyASideGetsIn("POST", "/v1/connections/" + connection.id() + "/" + action, null,
                    List.of(connection.id(), connection.source().url().value(), connection.destination().url().value()));
        }
    }
}
