package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.InstanceKeys;
import io.connectionbroker.domain.InstanceUrl;
import io.connectionbroker.domain.License;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.Arrange;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.Race;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The instance's own records raced: recoveries against new keys (the key count and the keys must agree),
 * and moves to a URL against registrations of it (one owner). Generous test-only DynamoDB timeouts: many
 * concurrent calls on DynamoDB Local on two busy cores exceed the deployed ones.
 */
class InstanceRacesFunctionTest extends FunctionTest {
    private static final int CALLERS = 20;

    @Override
    protected Map<String, Object> properties() {
        return Race.PATIENT_DATABASE;
    }

    @Test
    void recoveriesAgainstNewKeysLeaveTheKeyCountTrue() throws Exception {
        Registered beta = arrange.instance(Platform.FRESHDESK, License.PAID, true);
        String recover = "{\"url\": \"" + beta.instance().url() + "\", \"proof\": {\"kind\": \"API_KEY\","
                + " \"apiKey\": \"local-admin\"}}";

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> Race.told(function.post("/v1/instances/recover", null, recover))
                : () -> Race.told(function.post("/v1/instances/me/keys", beta.apiKey().reveal(), null)));

        assertTrue(Set.of("201", "401 unauthenticated", "409 key-limit-reached", "503 temporarily-unavailable")
                .containsAll(told.keySet()), told.toString());
        assertTrue(told.getOrDefault("201", 0) >= 1, told.toString());
        // The count the conditions rely on is the number of keys: exactly that many more can be issued.
        var keys = function.bean(InstanceKeys.class);
        int left = InstanceKeys.MAX_KEYS - keys.view(beta.instance()).keys().size();
        for (int i = 0; i < left; i++) {
            function.commit(() -> keys.issue(beta.instance()));
        }
        assertEquals(InstanceKeys.MAX_KEYS, keys.view(beta.instance()).keys().size());
        assertEquals("refused key-limit-reached", Race.told("issued", () -> function.commit(() -> keys.issue(beta.instance()))));
    }

    @Test
    void movesToAUrlAgainstRegistrationsOfItLeaveOneOwner() throws Exception {
        Registered mover = arrange.instance(Platform.ZENDESK, License.PAID, true);
        String target = Arrange.newUrl(Platform.ZENDESK);
        String move = "{\"url\": \"" + target + "\", \"proof\": {\"kind\": \"OAUTH\", \"accessToken\": \"local-admin\"}}";

        Map<String, Integer> told = Race.run(CALLERS, i -> i % 2 == 0
                ? () -> "move " + Race.told(function.post("/v1/instances/me/url", mover.apiKey().reveal(), move))
                : () -> "register " + Race.told(function.post("/v1/instances", null, Arrange.registration(target))));

        var owner = function.bean(ConnectionStore.class).findInstanceByUrl(InstanceUrl.parse("url", target)).orElseThrow();
        boolean moved = owner.id().equals(mover.instance().id());
        assertEquals(moved ? 0 : 1, told.getOrDefault("register 201", 0), told.toString());
        assertEquals(moved ? CALLERS / 2 : 0, told.getOrDefault("move 200", 0), told.toString());
        assertEquals(moved ? target : mover.instance().url().value(),
                function.bean(ConnectionStore.class).findInstance(mover.instance().id()).orElseThrow().url().value());
    }
}
