package io.connectionbroker.decline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.domain.Event;
import io.connectionbroker.domain.InitiateConnection.Initiated;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.Feeds;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import org.junit.jupiter.api.Test;

/**
 * Declining through the handler writes connection.declined in the initiator's feed and the decliner's (which
 * never became a side).
 */
class DeclineEventsFunctionTest extends FunctionTest {

    @Test
    void theDeclineIsInTheInitiatorsFeedAndTheDeclinersOwn() {
        Registered beta = arrange.instance(Platform.ZENDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        Answer declined = function.post("/v1/invitations/decline", beta.apiKey().reveal(),
                "{\"code\": \"" + initiated.code().reveal() + "\"}");
        assertEquals(200, declined.status(), declined.toString());
        Event event = new Feeds(function).assertLastInEach("connection.declined", initiated.connection().id(),
                beta.instance().id(), beta.apiKey().id(), acme.instance().id(), beta.instance().id());
        assertEquals(beta.instance().id(), event.data().get("declinedBy"));
    }
}
