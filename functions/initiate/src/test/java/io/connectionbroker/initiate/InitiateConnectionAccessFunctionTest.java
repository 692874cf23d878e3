package io.connectionbroker.initiate;

import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.FunctionTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who gets into initiation and re-invitation: only a valid key, and for a connection only one of its sides. */
class InitiateConnectionAccessFunctionTest extends FunctionTest {

    @Test
    void initiatingAndReInviting() {
        Initiated initiated = arrange.connectionTo(acme.instance(), arrange.instance(Platform.ZENDESK).instance(),
                Mode.BASIC);
        AccessChecks access = new AccessChecks(function, arrange);
        access.assertOnlyAValidKeyGetsIn("POST", "/v1/connections", "{}");
        access.assertOnlyASideGetsIn("POST", "/v1/connections/" + initiated.connection().id() + "/invitation", null,
                List.of(initiated.connection().id(), initiated.code().reveal(), acme.instance().url().value()));
    }
}
