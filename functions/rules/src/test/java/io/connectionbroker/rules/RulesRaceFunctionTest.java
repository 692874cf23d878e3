package io.connectionbroker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.testing.function.RaceTest;
import io.connectionbroker.testing.function.Race;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;

/** A hundred rule updates at once, all from the same version: one wins, the others learn the new version. */
class RulesRaceFunctionTest extends RaceTest {

    @RepeatedTest(2)
    void aHundredUpdatesOfOneVersionGiveOneNewVersion() throws Exception {
        Initiated initiated = arrange.connectionTo(acme.instance(), arrange.instance(Platform.ZENDESK).instance(),
                Mode.VISUAL);
        String path = "/v1/connections/" + initiated.connection().id() + "/rules";

        Map<String, Integer> told = Race.run(CALLERS, i -> () -> {
            var answer = function.send("PUT", path, acme.apiKey().reveal(), """
                    {"version": 1, "outgoing": [{"field": "summary", "transform": "COPY"}],
                     "incoming": []}""", "application/json");
            return Race.told(answer) + (answer.status() == 409 ? " at " + answer.text("currentVersion") : "");
        });

        assertEquals(Map.of("200", 1, "409 rules-version-conflict at 2", CALLERS - 1), told);
        assertEquals("2", function.get(path, acme.apiKey().reveal()).text("version"));
    }
}
