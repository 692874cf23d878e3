package io.connectionbroker.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionActivation;
import io.connectionbroker.domain.EditConnection;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/connections/{id}} answers an ETag, and {@code 304} with no body while If-None-Match holds it:
 * polling costs one small answer until something changes.
 */
class ConnectionETagFunctionTest extends FunctionTest {

    private Answer get(Registered caller, String id, String ifNoneMatch) {
        return function.send("GET", "/v1/connections/" + id, caller.apiKey().reveal(), null, null,
                ifNoneMatch == null ? Map.of() : Map.of("If-None-Match", ifNoneMatch));
    }

    @Test
    void unchangedIs304WithNoBodyAndAnyChangeIs200WithANewETag() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Connection connection = arrange.activeConnection(acme.instance(), beta.instance());
        Answer first = get(acme, connection.id(), null);
        String etag = first.header("ETag");
        assertEquals(200, first.status(), first.toString());
        assertTrue(etag.matches("\"[A-Za-z0-9_-]{16}\""), etag);

        Answer unchanged = get(acme, connection.id(), etag);
        assertEquals(304, unchanged.status(), unchanged.toString());
        assertEquals(etag, unchanged.header("ETag"));
        assertTrue(unchanged.body() == null || unchanged.body().isEmpty(), unchanged.body());
        assertEquals(304, get(acme, connection.id(), "\"other\", W/" + etag).status(), "weak comparison, any listed");
        assertEquals(304, get(acme, connection.id(), "*").status());

        function.commit(() -> function.bean(ConnectionActivation.class).deactivate(beta.instance(), connection.id()));
        Answer deactivated = get(acme, connection.id(), etag);
        assertEquals(200, deactivated.status(), "the other side's change shows at once");
        assertEquals("DEACTIVATED", deactivated.text("status"));
        String afterDeactivation = deactivated.header("ETag");
        assertNotEquals(etag, afterDeactivation);

        function.commit(() -> function.bean(EditConnection.class).edit(beta.instance(), connection.id(),
                Set.of(EditConnection.ANY), new EditConnection.Edit(true, "renamed", false, null)));
        assertEquals(200, get(acme, connection.id(), afterDeactivation).status(), "an edit too");
    }

    @Test
    void eachSideHasItsOwnETagAndALapsedInvitationChangesIt() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Connection connection = arrange.activeConnection(acme.instance(), beta.instance());
        assertNotEquals(get(acme, connection.id(), null).header("ETag"), get(beta, connection.id(), null).header("ETag"),
                "yourSide differs");

        String pending = arrange.privateConnection(acme.instance(), Mode.BASIC).connection().id();
        String whilePending = get(acme, pending, null).header("ETag");
        function.clock().advance(Duration.ofHours(72).plusSeconds(1));
        try {
            Answer lapsed = get(acme, pending, whilePending);
            assertEquals(200, lapsed.status(), lapsed.toString());
            assertEquals("EXPIRED", lapsed.text("status"));
        } finally {
            function.clock().advance(Duration.ofHours(-72).minusSeconds(1));
        }
    }

    @Test
    void aStrangerGets404WhateverItSends() {
        Registered stranger = arrange.instance(Platform.ZENDESK);
        String id = arrange.privateConnection(acme.instance(), Mode.BASIC).connection().id();

        assertEquals(404, get(stranger, id, "*").status());
    }
}
