package io.connectionbroker.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.connectionbroker.domain.InvalidRequest;
import io.connectionbroker.domain.ListConnections;
import io.connectionbroker.domain.ViewConnection;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.ConnectionView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * {@code GET /v1/connections/{id}}: a connection's status, for the instances on its two sides only.
 * {@code GET /v1/connections?limit=N&cursor=C}: the Connections tab, the caller's connections newest first.
 */
@Controller("/v1/connections")
public class ConnectionStatusController {
    private final CallerInstance callers;
    private final ViewConnection viewConnection;
    private final ListConnections listConnections;

    public ConnectionStatusController(CallerInstance callers, ViewConnection viewConnection,
                                      ListConnections listConnections) {
        this.callers = callers;
        this.viewConnection = viewConnection;
        this.listConnections = listConnections;
    }

    @Get("/{id}")
    public ConnectionView status(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                 @PathVariable String id) {
        return ConnectionView.of(viewConnection.view(callers.from(authorization), id));
    }

    @Get
    public ConnectionList list(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                               @QueryValue @Nullable String limit, @QueryValue @Nullable String cursor) {
        var caller = callers.from(authorization);
        ListConnections.Page page = listConnections.list(caller, parseLimit(limit), cursor);
        return new ConnectionList(page.connections().stream().map(ConnectionView::of).toList(), page.next());
    }

    private static Integer parseLimit(String limit) {
        if (limit == null) {
            return null;
        }
        try {
            return Integer.valueOf(limit.strip());
        } catch (NumberFormatException e) {
            throw InvalidRequest.of("limit", "must be a whole number from 1 to " + ListConnections.MAX_LIMIT);
        }
    }

    /** One page of the Connections tab; {@code next} is null on the last page. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConnectionList(List<ConnectionView> items, String next) {
    }
}
