package io.connectionbroker.delete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.AccessChecks;
import io.connectionbroker.testing.function.EdgeRefusals;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code DELETE /v1/connections/{id}} through the function's real handler, on DynamoDB Local. */
class DeleteConnectionFunctionTest extends FunctionTest {

    private Answer delete(Registered caller, String id) {
        return function.send("DELETE", "/v1/connections/" + id, caller == null ? null : caller.apiKey().reveal(),
                null, null);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void eitherSideDeletesAndTheConnectionItsInvitationAndItsRulesAreGone(Platform destinationPlatform) {
        Registered destination = arrange.instance(destinationPlatform);
        Connection connection = arrange.accept(destination.instance(),
                arrange.connectionTo(acme.instance(), destination.instance(), io.connectionbroker.domain.Mode.SCRIPT));
        assertTrue(function.bean(ConnectionStore.class).findRules(connection.id(),
                io.connectionbroker.domain.RuleSet.Owner.SOURCE).isPresent(), "a Script connection has rules per side");

        Answer answer = delete(destination, connection.id());

        assertEquals(204, answer.status(), answer.toString());
        assertTrue(answer.body() == null || answer.body().isEmpty(), answer.toString());
        ConnectionStore store = function.bean(ConnectionStore.class);
        assertTrue(store.findConnection(connection.id()).isEmpty());
        assertTrue(store.findInvitation(connection.invitationId()).isEmpty());
        for (io.connectionbroker.domain.RuleSet.Owner owner : io.connectionbroker.domain.RuleSet.Owner.values()) {
            assertTrue(store.findRules(connection.id(), owner).isEmpty(), owner + " rules are gone too");
        }
        assertEquals(404, delete(acme, connection.id()).status(), "afterwards the connection is not found");
    }

    @Test
    void theSourceDeletesAPendingConnectionWhoseCodeIsThenUnknown() {
        Initiated pending = arrange.privateConnection(acme.instance(), Mode.BASIC);

        assertEquals(204, delete(acme, pending.connection().id()).status());

        assertTrue(function.bean(ConnectionStore.class).findInvitation(pending.code().id()).isEmpty());
    }

    @Test
    void anIdThatIsNotUtf8IsRefusedByTheGatewayItself() {
        EdgeRefusals.assertUndecodablePathIsTheGateways400(function, "DELETE", "/v1/connections/%C0%AF",
                acme.apiKey().reveal());
    }

    @Test
    void aStrangerAnUnknownIdAndNoKeyDeleteNothing() {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());

        assertEquals(404, delete(arrange.instance(Platform.ZENDESK), connection.id()).status());
        assertEquals(404, delete(acme, UUID.randomUUID().toString()).status());
        Answer anonymous = delete(null, connection.id());
        assertEquals(401, anonymous.status(), anonymous.toString());
        assertTrue(function.bean(ConnectionStore.class).findConnection(connection.id()).isPresent());
    }

    @Test
    void deletingAConnection() {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());
        new AccessChecks(function, arrange).assertOnlyASideGetsIn("DELETE", "/v1/connections/" + connection.id(),
                null, List.of(connection.id(), connection.source().url().value(), connection.destination().url().value()));
    }
}
