package io.connectionbroker.accept;

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

/** Accepting through the handler writes connection.accepted in both sides' feeds, naming the acceptor's key. */
class AcceptEventsFunctionTest extends FunctionTest {

    @Test
    void theAcceptanceIsInBothFeeds() {
        Registered beta = arrange.instance(Platform.FRESHDESK);
        Initiated initiated = arrange.connectionTo(acme.instance(), beta.instance(), Mode.BASIC);
        Answer accepted = function.post("/v1/invitations/accept", beta.apiKey().reveal(),
                "{\"code\": \"" + initiated.code().reveal() + "\", \"project\": \"HELP\"}");
        assertEquals(200, accepted.status(), accepted.toString());
        Event event = new Feeds(function).assertLastInEach("connection.accepted", initiated.connection().id(),
                beta.instance().id(), beta.apiKey().id(), acme.instance().id(), beta.instance().id());
        assertEquals(beta.instance().id(), event.data().get("destinationInstanceId"));
        assertEquals(beta.instance().url().value(), event.data().get("destinationUrl"));
    }
}
