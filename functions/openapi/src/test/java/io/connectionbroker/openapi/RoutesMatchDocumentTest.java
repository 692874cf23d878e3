package io.connectionbroker.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when a function serves a route the OpenAPI document leaves out, or the document has a
 * route no function serves. The routes come from Micronaut's router with every function on the classpath.
 */
class RoutesMatchDocumentTest {
    /** Only the routes are read: no AWS account, so nothing is warmed at start-up. */
    private static final Map<String, Object> ROUTES_ONLY = Map.of("aws.region", "eu-west-1",
            "connection-broker.warm-at-start", false);

    @Test
    void everyServedRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
        Set<String> served = new TreeSet<>();
        try (ApplicationContext context = ApplicationContext.run(ROUTES_ONLY)) {
            routes(context)
                    .filter(route -> !ApiDocumentController.class.equals(route.getTargetMethod().getDeclaringType()))
                    .map(RoutesMatchDocumentTest::name)
                    .forEach(served::add);
        }
        Set<String> documented = new TreeSet<>(Document.load().operations().keySet());

        assertTrue(served.size() >= 13, "the router found the functions' routes: " + served);
        assertEquals(served, documented, "served routes (expected) and documented routes (actual) differ");
    }

    @Test
    void theLocalDocumentRoutesAreServedButNotDocumented() {
        Set<String> own = new TreeSet<>();
        try (ApplicationContext context = ApplicationContext.run(ROUTES_ONLY)) {
            routes(context)
                    .filter(route -> ApiDocumentController.class.equals(route.getTargetMethod().getDeclaringType()))
                    .map(RoutesMatchDocumentTest::name)
                    .forEach(own::add);
        }
        assertEquals(Set.of("GET /v1/openapi.yml", "GET /v1/docs", "GET /v1/docs/redoc.standalone.js"), own);
        own.forEach(route -> assertTrue(Document.load().operations().keySet().stream().noneMatch(route::equals)));
    }

    /**
     * The routes the controllers declare. Micronaut adds a HEAD route beside each GET by itself; the API
     * Gateway routes (infra/template.yaml) do not carry them, so they are not part of the API.
     */
    private static Stream<UriRouteInfo<?, ?>> routes(ApplicationContext context) {
        return context.getBean(Router.class).uriRoutes().<UriRouteInfo<?, ?>>map(route -> route)
                .filter(route -> !"HEAD".equals(route.getHttpMethodName()));
    }

    private static String name(UriRouteInfo<?, ?> route) {
        return route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString();
    }
}
