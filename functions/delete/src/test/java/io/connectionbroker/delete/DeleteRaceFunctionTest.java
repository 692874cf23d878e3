package io.connectionbroker.delete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionActivation;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.testing.function.RaceTest;
import io.connectionbroker.testing.function.Race;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A hundred callers at once: deletes through the delete function's handler against deactivations through
 * the domain operation the activation function calls, on the same table.
 */
class DeleteRaceFunctionTest extends RaceTest {

    @RepeatedTest(2)
    void deactivationsAgainstDeletesLeaveNothingBehind() throws Exception {
        Connection connection = arrange.activeConnection(acme.instance(), arrange.instance(Platform.FRESHDESK).instance());

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(function.send("DELETE", "/v1/connections/" + connection.id(), acme.apiKey().reveal(),
                        null, null))
                : () -> Race.told("deactivated", () -> function.bean(ConnectionActivation.class)
                        .deactivate(acme.instance(), connection.id())));

        assertEquals(1, told.get("204"), told.toString());
        assertTrue(told.getOrDefault("deactivated", 0) <= 1, told.toString());
        assertTrue(Set.of("204", "404 connection-not-found", "deactivated", "refused connection-not-found",
                "refused connection-state-conflict").containsAll(told.keySet()), told.toString());
        assertEquals(CALLERS, told.values().stream().mapToInt(Integer::intValue).sum());
        assertNothingLeftOf(connection.id());
    }
}
