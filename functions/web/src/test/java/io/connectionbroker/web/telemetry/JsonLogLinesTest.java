package io.connectionbroker.web.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import io.connectionbroker.web.problem.ProblemErrorResponseProcessor;
import io.connectionbroker.web.telemetry.RequestLog;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLogLinesTest {
    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void withoutATestConfigurationItLogsJsonAtInfoAndQuietensMicronautAndTheSdk() {
        LoggerContext context = new LoggerContext();
        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, new JsonLogLines(resource -> false).configure(context));

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        assertEquals(Level.WARN, context.getLogger("io.micronaut").getLevel());
        assertEquals(Level.WARN, context.getLogger("software.amazon.awssdk").getLevel());
        assertTrue(root.getAppender("JSON") instanceof ConsoleAppender<?> console && console.isStarted());
    }

    @Test
    void aLogbackTestXmlOnTheClassPathWins() {
        LoggerContext context = new LoggerContext();
        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY,
                new JsonLogLines(resource -> resource.equals("logback-test.xml")).configure(context));
        assertNull(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("JSON"));
    }

    @Test
    void eachLineIsOneJsonObjectWithTheMdcFieldsAtTheTopLevelEscaped() throws Exception {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger(RequestLog.class);
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, "{} {} answered {}", null,
                new Object[] {"GET", "/v1/connections/{id}", 200});
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("route", "/v1/connections/{id}");
        mdc.put("status", "200");
        mdc.put("path", "/v1/connections/\"quoted\"\nand\\more");
        event.setMDCPropertyMap(mdc);

        String line = new String(JsonLogLines.encoder(context).encode(event), StandardCharsets.UTF_8);

        assertTrue(line.endsWith("\n"), line);
        assertFalse(line.substring(0, line.length() - 1).contains("\n"), "one line: " + line);
        JsonNode fields = json.readValue(line, JsonNode.class);
        assertEquals("INFO", fields.get("level").getStringValue());
        assertEquals(RequestLog.class.getName(), fields.get("loggerName").getStringValue());
        assertEquals("GET /v1/connections/{id} answered 200", fields.get("formattedMessage").getStringValue());
        assertTrue(fields.get("timestamp").isNumber(), line);
        assertEquals("/v1/connections/{id}", fields.get("route").getStringValue());
        assertEquals("200", fields.get("status").getStringValue());
        assertEquals("/v1/connections/\"quoted\"\nand\\more", fields.get("path").getStringValue());
        assertNull(fields.get("mdc"), "not nested: " + line);
    }

    @Test
    void anUnexpectedFailureIsLoggedWithItsExceptionInTheSameJsonObject() throws Exception {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), context.getLogger(ProblemErrorResponseProcessor.class),
                Level.ERROR, "Unexpected failure answering {} {}", new IllegalStateException("table \"x\" is gone"),
                new Object[] {"GET", "/v1/connections/1"});
        event.setMDCPropertyMap(Map.of("AWSRequestId", "r-1"));

        String line = new String(JsonLogLines.encoder(context).encode(event), StandardCharsets.UTF_8);

        JsonNode fields = json.readValue(line, JsonNode.class);
        assertEquals("ERROR", fields.get("level").getStringValue());
        assertEquals(IllegalStateException.class.getName(), fields.get("throwable").get("className").getStringValue());
        assertEquals("table \"x\" is gone", fields.get("throwable").get("message").getStringValue());
        assertEquals("r-1", fields.get("AWSRequestId").getStringValue());
    }
}
