package io.connectionbroker.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One structured log line per request: method, path, status and latency, with the Lambda request id and
 * the caller's instance id that the MDC carries. Never a header or a body, which hold keys and codes.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final String STARTED = RequestLog.class.getName() + ".started";

    @RequestFilter
    public void start(HttpRequest<?> request) {
        MDC.remove(CallerInstance.LOG_FIELD);
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void finish(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        try {
            MDC.put("method", request.getMethodName());
            MDC.put("path", request.getPath());
            MDC.put("status", Integer.toString(response.code()));
            MDC.put("latencyMs", Long.toString((System.nanoTime() - started) / 1_000_000));
            LOG.info("{} {} answered {}", request.getMethodName(), request.getPath(), response.code());
        } finally {
            MDC.remove("method");
            MDC.remove("path");
            MDC.remove("status");
            MDC.remove("latencyMs");
            MDC.remove(CallerInstance.LOG_FIELD);
        }
    }
}
