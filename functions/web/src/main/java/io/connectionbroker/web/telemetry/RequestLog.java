package io.connectionbroker.web.telemetry;

import io.connectionbroker.web.CallerInstance;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One structured log line per request: method, route (the path template, for example
 * {@code /v1/connections/{id}}), path, status, latency, the problem's kind if it is a refusal and whether the
 * answer was given back for a request sent again (Idempotency-Key), with the
 * Lambda request id ({@code AWSRequestId}, which Micronaut's Lambda handler puts in the MDC) and the
 * caller's instance id. Never a header or a body, which hold keys and codes; paths hold neither (a code
 * travels in the body).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final String STARTED = RequestLog.class.getName() + ".started";
    private static final String[] FIELDS = {"method", "route", "path", "status", "latencyMs", "problem", "replayed"};

    /** A segment shaped like an API key or an invitation code: a client may send one where an id belongs. */
    private static final java.util.regex.Pattern SECRET_SHAPED = java.util.regex.Pattern.compile("cb[a-z]_[^/]*");

    /** The path, with anything shaped like a key or a code in it replaced, wherever the client sent it. */
    static String loggablePath(String path) {
        return SECRET_SHAPED.matcher(path).replaceAll("{redacted}");
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        MDC.remove(CallerInstance.LOG_FIELD);
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void finish(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        AnsweredRequest answered = AnsweredRequest.of(request, response);
        try {
            MDC.put("method", request.getMethodName());
            MDC.put("route", answered.route());
            MDC.put("path", loggablePath(request.getPath()));
            MDC.put("status", Integer.toString(response.code()));
            MDC.put("latencyMs", Long.toString((System.nanoTime() - started) / 1_000_000));
            if (answered.problemKind() != null) {
                MDC.put("problem", answered.problemKind());
            }
            if (answered.replayed()) {
                MDC.put("replayed", "true");
            }
            LOG.info("{} {} answered {}", request.getMethodName(), answered.route(), response.code());
        } finally {
            for (String field : FIELDS) {
                MDC.remove(field);
            }
            MDC.remove(CallerInstance.LOG_FIELD);
        }
    }
}
