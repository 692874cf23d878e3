package io.connectionbroker.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.FaultTest;
import io.connectionbroker.testing.function.FaultTolerance.Call;
import org.junit.jupiter.api.Test;

/** Reading and replacing sync rules, with every DynamoDB fault at every call each makes: 503 or success, all or nothing. */
class RulesUnderFaultsFunctionTest extends FaultTest {

    @Test
    void readingRulesIsSafeUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(() -> {
            Registered beta = arrange.instance(Platform.ZENDESK);
            Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.VISUAL);
            return new Call("GET", "/v1/connections/" + initiated.connection().id() + "/rules",
                    acme.apiKey().reveal(), null);
        }, 200);
        assertTrue(runs >= 5, runs + " runs");
    }

    @Test
    void replacingRulesIsAllOrNothingUnderEveryFault() {
        int runs = faults.assertEveryFaultAtEveryCallIsSafe(() -> {
            Registered beta = arrange.instance(Platform.ZENDESK);
            Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.VISUAL);
            return new Call("PUT", "/v1/connections/" + initiated.connection().id() + "/rules",
                    acme.apiKey().reveal(), """
                    {"version": 1, "outgoing": [{"field": "summary", "transform": "COPY"}],
                     "incoming": []}""");
        }, 200);
        assertTrue(runs >= 5, runs + " runs");
    }
}
