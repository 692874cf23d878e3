package io.connectionbroker.delete;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.Event;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import io.connectionbroker.testing.function.Feeds;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import org.junit.jupiter.api.Test;

/** Deleting through the handler writes connection.deleted in both sides' feeds; a second delete writes none. */
class DeleteEventsFunctionTest extends FunctionTest {

    @Test
    void theDeletionIsInBothFeedsOnce() {
        Registered beta = arrange.instance(Platform.FRESHSERVICE);
        Connection connection = arrange.activeConnection(acme.instance(), beta.instance());
        Answer deleted = function.send("DELETE", "/v1/connections/" + connection.id(), beta.apiKey().reveal(), null,
                null);
        assertEquals(204, deleted.status(), deleted.toString());
        Feeds feeds = new Feeds(function);
        Event event = feeds.assertLastInEach("connection.deleted", connection.id(), beta.instance().id(),
                beta.apiKey().id(), acme.instance().id(), beta.instance().id());
        assertEquals(connection.name(), event.data().get("name"));
        int before = feeds.of(beta.instance().id()).size();
        assertEquals(404, function.send("DELETE", "/v1/connections/" + connection.id(), beta.apiKey().reveal(), null,
                null).status());
        assertEquals(before, feeds.of(beta.instance().id()).size());
    }
}
