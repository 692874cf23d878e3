package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.connectionbroker.testing.function.FunctionTest;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What a careless or hostile client sends where it does not belong is neither logged nor echoed: a key sent
 * as a key id, markup sent as an id or as a field name.
 */
class NothingEchoedFunctionTest extends FunctionTest {

    /** The request log lines written while the request is answered, and the answer. */
    private record Logged(Answer answer, List<ILoggingEvent> lines) {
    }

    private Logged logged(Supplier<Answer> request) {
        Logger requestLog = (Logger) LoggerFactory.getLogger("io.connectionbroker.web.telemetry.RequestLog");
        Level level = requestLog.getLevel();
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        requestLog.setLevel(Level.INFO);
        requestLog.addAppender(lines);
        try {
            return new Logged(request.get(), lines.list);
        } finally {
            requestLog.detachAppender(lines);
            requestLog.setLevel(level);
        }
    }

    @Test
    void anApiKeySentAsAKeyIdIsNeitherLoggedNorEchoed() {
        String key = acme.apiKey().reveal();

        Logged logged = logged(() -> function.send("DELETE", "/v1/instances/me/keys/" + key, key, null, null));

        assertEquals(404, logged.answer().status(), logged.answer().toString());
        assertFalse(logged.answer().body().contains(key.substring(4)), logged.answer().body());
        assertEquals(1, logged.lines().size());
        String path = logged.lines().get(0).getMDCPropertyMap().get("path");
        assertEquals("/v1/instances/me/keys/{redacted}", path);
    }

    @Test
    void markupSentAsAnIdOrAFieldNameIsNeverEchoed() {
        Answer asId = function.send("DELETE", "/v1/instances/me/keys/%3Cimg%20src=x%3E", acme.apiKey().reveal(),
                null, null);
        Answer asField = function.post("/v1/instances/recover", null, "{\"<img src=x>\": 1}");
        Answer asRegistrationField = function.post("/v1/instances", null, "{\"<script>\": 1, \"cbk_x\": 2}");

        assertEquals(404, asId.status(), asId.toString());
        assertEquals(400, asField.status(), asField.toString());
        for (Answer answer : List.of(asId, asField, asRegistrationField)) {
            assertFalse(answer.body().contains("<img") || answer.body().contains("<script") || answer.body().contains("cbk_x"),
                    answer.body());
        }
        assertEquals(List.of("(a field whose name cannot be shown)", "(a field whose name cannot be shown)"),
                asRegistrationField.errorFields());
    }
}
