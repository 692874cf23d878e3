package io.connectionbroker.testing.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.connectionbroker.domain.InstanceKeys;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.util.List;

/**
 * Who gets into a route: no key, a malformed key and a revoked key get 401; an instance that is not a side
 * of the connection gets 404 and nothing of the record.
 */
public final class AccessChecks {
    private static final String PROBLEM = "urn:connection-broker:problem:";

    private final FunctionUnderTest function;
    private final String revokedKey;
    private final Registered stranger;

    public AccessChecks(FunctionUnderTest function, Arrange arrange) {
        this.function = function;
        Registered rotated = arrange.instance(Platform.ZENDESK);
        InstanceKeys keys = function.bean(InstanceKeys.class);
        function.commit(() -> keys.issue(rotated.instance()));
        function.commit(() -> keys.revoke(rotated.instance(), rotated.apiKey().id()));
        this.revokedKey = rotated.apiKey().reveal();
        this.stranger = arrange.instance(Platform.ZENDESK);
    }

    /** No key, a malformed key and a revoked key are refused with 401 before anything is read. */
    public void assertOnlyAValidKeyGetsIn(String method, String path, String body) {
        EdgeRefusals.assertNoKeyIs401(function, method, path);
        // In order: a malformed key, a code sent as a key, a revoked key.
        EdgeRefusals.assertUnauthenticated(send(method, path, "cbk_not-a-key", body));
        EdgeRefusals.assertUnauthenticated(send(method, path, "cbi_" + revokedKey.substring(4), body));
        EdgeRefusals.assertUnauthenticated(send(method, path, revokedKey, body));
    }

    /**
     * As {@link #assertOnlyAValidKeyGetsIn}, and another instance's valid key gets 404 with nothing of the
     * record in the answer.
     *
     * @param record texts only the record holds (its id, its sides' URLs, its name)
     */
    public void assertOnlyASideGetsIn(String method, String path, String body, List<String> record) {
        assertOnlyAValidKeyGetsIn(method, path, body);
        Answer answer = send(method, path, stranger.apiKey().reveal(), body);
        assertEquals(404, answer.status(), "a stranger: " + answer);
        assertEquals(PROBLEM + "connection-not-found", answer.text("type"));
        for (String text : record) {
            assertFalse(answer.body().contains(text), "a stranger was shown " + text + ": " + answer);
        }
    }

    private Answer send(String method, String path, String key, String body) {
        return function.send(method, path, key, body, body == null ? null : "application/json");
    }
}
