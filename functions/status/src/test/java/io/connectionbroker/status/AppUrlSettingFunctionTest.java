package io.connectionbroker.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each platform's app URL is a setting of the deployment (CONNECTION_BROKER_APP_URL_<PLATFORM>). */
class AppUrlSettingFunctionTest extends FunctionTest {

    @Override
    protected Map<String, Object> properties() {
        return Map.of("connection-broker.app-url.freshdesk", "{url}/a/apps/our-sync?open={path}");
    }

    @Test
    void aSidesAppUrlFollowsItsPlatformsSetting() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Connection connection = arrange.activeConnection(acme.instance(), beta.instance());

        Answer answer = function.get("/v1/connections/" + connection.id(), acme.apiKey().reveal());

        assertEquals(beta.instance().url().value() + "/a/apps/our-sync?open=connections/" + connection.id(),
                answer.text("destination.appUrl"));
        assertEquals(acme.instance().url().value() + "/agent/apps/connection-broker/connections/" + connection.id(),
                answer.text("source.appUrl"), "the default where nothing is set");
    }
}
