package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.domain.Platform;
import io.connectionbroker.testing.function.Arrange;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A body is one JSON object in UTF-8, and nothing else: what a careless client adds is refused, not ignored. */
class SloppyBodiesFunctionTest extends FunctionTest {

    @ParameterizedTest
    @ValueSource(strings = {" trailing", "{}", "{\"url\": 1}", "]", "\"text\"", " 7"})
    void anythingAfterTheJsonObjectIs400(String after) {
        Answer answer = function.post("/v1/instances", null,
                Arrange.registration(Arrange.newUrl(Platform.ZENDESK)) + after);

        assertEquals(400, answer.status(), answer.toString());
        assertEquals(List.of("body"), answer.errorFields());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=utf-16", "application/json; charset=ISO-8859-1",
        "application/json; charset=x-no-such-charset", "application/json;charset=\"utf-32\""})
    void aBodyInAnotherCharsetIs415(String contentType) {
        Answer answer = function.send("POST", "/v1/instances", null,
                Arrange.registration(Arrange.newUrl(Platform.ZENDESK)), contentType);

        assertEquals(415, answer.status(), answer.toString());
        assertEquals("urn:connection-broker:problem:unsupported-media-type", answer.text("type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=utf-8", "application/json; charset=UTF-8",
        "application/json;charset=\"utf-8\"", "application/json"})
    void utf8InAnySpellingIsRead(String contentType) {
        Answer answer = function.send("POST", "/v1/instances", null,
                Arrange.registration(Arrange.newUrl(Platform.ZENDESK)) + "\n  ", contentType);

        assertEquals(201, answer.status(), answer.toString());
    }
}
