package io.connectionbroker.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStatus;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.EdgeRefusals;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code POST /v1/connections/{id}/deactivate} and {@code /activate} through the function's real handler. */
class ConnectionActivationFunctionTest extends FunctionTest {

    private Answer post(Registered caller, String id, String action) {
        return function.send("POST", "/v1/connections/" + id + "/" + action, caller.apiKey().reveal(), null, null);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void eitherSideSwitchesAnActiveConnectionOffAndOn(Platform destinationPlatform) {
        Registered destination = arrange.instance(destinationPlatform);
        Connection connection = arrange.activeConnection(acme.instance(), destination.instance());
        function.clock().advance(Duration.ofSeconds(5));

        Answer off = post(destination, connection.id(), "deactivate");

        assertEquals(200, off.status(), off.toString());
        assertEquals("DEACTIVATED", off.text("status"));
        assertEquals(connection.id(), off.text("id"));
        assertEquals(ConnectionStatus.DEACTIVATED,
                function.bean(ConnectionStore.class).findConnection(connection.id()).orElseThrow().status());

        Answer on = post(acme, connection.id(), "activate");
        assertEquals(200, on.status(), on.toString());
        assertEquals("ACTIVE", on.text("status"));
        assertEquals(ConnectionStatus.ACTIVE,
                function.bean(ConnectionStore.class).findConnection(connection.id()).orElseThrow().status());
    }

    @Test
    void everyOtherTransitionAnswers409NamingTheStatus() {
        String pending = arrange.privateConnection(acme.instance(), Mode.BASIC).connection().id();
        String expired = arrange.privateConnection(acme.instance(), Mode.BASIC).connection().id();
        String active = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance()).id();
        String deactivated = arrange.activeConnection(acme.instance(), arrange.instance(Platform.ZENDESK).instance()).id();
        assertEquals(200, post(acme, deactivated, "deactivate").status());
        function.clock().advance(Duration.ofHours(72));
        try {
            assertRefused(pending, "deactivate", "EXPIRED");
            assertRefused(expired, "activate", "EXPIRED");
            assertRefused(deactivated, "deactivate", "DEACTIVATED");
            assertRefused(active, "activate", "ACTIVE");
        } finally {
            function.clock().advance(Duration.ofHours(-72));
        }
        assertRefused(pending, "deactivate", "PENDING");
        assertRefused(pending, "activate", "PENDING");

        Registered invited = arrange.instance(Platform.FRESHSERVICE);
        var declined = arrange.connectionTo(acme.instance(), invited.instance(), Mode.BASIC);
        function.commit(() -> function.bean(io.connectionbroker.domain.DeclineInvitation.class).decline(invited.instance(),
                declined.code().reveal()));
        assertRefused(declined.connection().id(), "activate", "DECLINED");
        assertRefused(declined.connection().id(), "deactivate", "DECLINED");
    }

    @Test
    void aStrangerAndAnUnknownIdGet404AndNoKeyGets401() {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());
        Registered stranger = arrange.instance(Platform.ZENDESK);

        assertEquals(404, post(stranger, connection.id(), "deactivate").status());
        assertEquals(404, post(acme, UUID.randomUUID().toString(), "activate").status());
        assertEquals(401, function.send("POST", "/v1/connections/" + connection.id() + "/deactivate", null, null, null)
                .status());
        assertEquals(ConnectionStatus.ACTIVE,
                function.bean(ConnectionStore.class).findConnection(connection.id()).orElseThrow().status());
    }

    @Test
    void otherMethodsAnswer405() {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());

        Answer answer = function.get("/v1/connections/" + connection.id() + "/deactivate", acme.apiKey().reveal());

        assertEquals(405, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.header("content-type"));
    }

    private void assertRefused(String id, String action, String status) {
        Answer answer = post(acme, id, action);
        assertEquals(409, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:connection-state-conflict", answer.text("type"));
        assertEquals(status, answer.text("connectionStatus"));
    }

    @Test
    void noKeyIsRefusedAtTheEdgeOnBothRoutes() {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());
        EdgeRefusals.assertNoKeyIs401(function, "POST", "/v1/connections/" + connection.id() + "/activate");
        EdgeRefusals.assertNoKeyIs401(function, "POST", "/v1/connections/" + connection.id() + "/deactivate");
    }

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
