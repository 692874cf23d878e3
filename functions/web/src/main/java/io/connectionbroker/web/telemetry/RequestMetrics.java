package io.connectionbroker.web.telemetry;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Counts what each answer means for the business: a success of a route marked {@link CountsAs}, or a
 * refusal by its problem kind. An answer given back for a request sent again counts nothing: its
 * first time was counted.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestMetrics {
    private final BrokerMetrics metrics;

    public RequestMetrics(BrokerMetrics metrics) {
        this.metrics = metrics;
    }

    @ResponseFilter
    public void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        AnsweredRequest answered = AnsweredRequest.of(request, response);
        if (answered.problemKind() != null) {
            metrics.refused(answered.problemKind());
        } else if (answered.succeeded() && !answered.replayed()) {
            answered.routeInfo().flatMap(route -> route.getAnnotationMetadata().stringValue(CountsAs.class))
                    .ifPresent(metrics::count);
        }
    }
}
