package io.connectionbroker.web.telemetry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.JsonEscapeUtil;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The functions' logging: one JSON object per line on stdout, which Lambda sends to CloudWatch Logs, with
 * the MDC fields (the Lambda request id, the caller's instance id, the request's outcome) as top-level
 * fields. Nothing logged carries a secret.
 *
 * <p>Logback's own JSON encoder writes the lines, and Logback finds this set-up through
 * {@code META-INF/services} rather than reading a {@code logback.xml}. Both for the cold start: the
 * Logstash encoder builds a Jackson {@code ObjectMapper} before the first line, and parsing XML runs
 * Logback's configuration model; together they took about 220 ms of each function's start. A
 * {@code logback-test.xml} on the class path, or a file named by {@code -Dlogback.configurationFile},
 * still wins, so tests and developers log as they choose.
 */
public final class JsonLogLines extends ContextAwareBase implements Configurator {
    private final Predicate<String> onClassPath;

    /** As Logback makes it. */
    public JsonLogLines() {
        this(resource -> JsonLogLines.class.getClassLoader().getResource(resource) != null);
    }

    JsonLogLines(Predicate<String> onClassPath) {
        this.onClassPath = onClassPath;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || onClassPath.test("logback-test.xml")) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("JSON");
        console.setEncoder(encoder(context));
        console.start();
        context.getLogger("io.micronaut").setLevel(Level.WARN);
        context.getLogger("software.amazon.awssdk").setLevel(Level.WARN);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The encoder of every deployed log line, started. */
    public static JsonEncoder encoder(LoggerContext context) {
        JsonEncoder encoder = new TopLevelMdcEncoder();
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    /**
     * Logback's JSON line: timestamp (epoch milliseconds), level, logger, the formatted message and any
     * throwable, and then each MDC entry as a field of its own, where Logback would nest them under
     * {@code mdc}: CloudWatch Logs Insights and the README name them {@code status}, {@code route} and so on.
     */
    private static final class TopLevelMdcEncoder extends JsonEncoder {
        TopLevelMdcEncoder() {
            setWithSequenceNumber(false);
            setWithNanoseconds(false);
            setWithThreadName(false);
            setWithContext(false);
            setWithMarkers(false);
            setWithMDC(false);
            setWithKVPList(false);
            setWithMessage(false);
            setWithArguments(false);
            setWithFormattedMessage(true);
        }

        /** Called after the fields above, so each MDC entry follows a field and starts with a comma. */
        @Override
        protected void appendCustomFields(StringBuilder line, ILoggingEvent event) {
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (mdc == null) {
                return;
            }
            for (Map.Entry<String, String> field : mdc.entrySet()) {
                line.append(",\"").append(JsonEscapeUtil.jsonEscapeString(field.getKey())).append("\":");
                if (field.getValue() == null) {
                    line.append("null");
                } else {
                    line.append('"').append(JsonEscapeUtil.jsonEscapeString(field.getValue())).append('"');
                }
            }
        }
    }
}
