package io.connectionbroker.upgrade;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.FunctionTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who gets into upgrades: only a valid key, and for a connection only one of its sides. */
class UpgradeConnectionAccessFunctionTest extends FunctionTest {

    @Test
    void upgradingAConnection() {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());
        new AccessChecks(function, arrange).assertOnlyASideGetsIn("POST", "/v1/connections/" + connection.id()
                + "/upgrade", "{\"mode\": \"SCRIPT\"}", List.of(connection.id(), connection.source().url().value(), connection.destination().url().value()));
    }
}
