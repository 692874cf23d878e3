package io.connectionbroker.web.telemetry;

import io.connectionbroker.web.document.IdempotencyHeaders;
import io.connectionbroker.web.problem.Problems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.UriRouteInfo;
import java.util.Map;
import java.util.Optional;

/** What the request log and the metrics read from a request once it is answered. */
record AnsweredRequest(String route, int status, String problemKind, boolean replayed,
                       Optional<RouteInfo<?>> routeInfo) {

    private static final String ATTRIBUTE = AnsweredRequest.class.getName();

    /** Read once per request: the request log and the metrics both ask. */
    static AnsweredRequest of(HttpRequest<?> request, HttpResponse<?> response) {
        Optional<AnsweredRequest> read = request.getAttribute(ATTRIBUTE, AnsweredRequest.class);
        if (read.isPresent()) {
            return read.get();
        }
        AnsweredRequest answered = read(request, response);
        request.setAttribute(ATTRIBUTE, answered);
        return answered;
    }

    private static AnsweredRequest read(HttpRequest<?> request, HttpResponse<?> response) {
        Optional<RouteInfo<?>> info = RouteAttributes.getRouteInfo(request);
        String route = info.filter(UriRouteInfo.class::isInstance)
                .map(r -> ((UriRouteInfo<?, ?>) r).getUriMatchTemplate().toPathString())
                .orElse("unmatched");
        return new AnsweredRequest(route, response.code(), problemKind(response),
                response.getHeaders().contains(IdempotencyHeaders.REPLAYED), info);
    }

    /** The kind of the problem answered (for example {@code not-found}), or null for any other answer. */
    private static String problemKind(HttpResponse<?> response) {
        return response.getBody().filter(Map.class::isInstance).map(body -> ((Map<?, ?>) body).get("type"))
                .filter(String.class::isInstance).map(String.class::cast)
                .filter(type -> type.startsWith(Problems.TYPE_PREFIX))
                .map(type -> type.substring(Problems.TYPE_PREFIX.length()))
                .orElse(null);
    }

    boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
