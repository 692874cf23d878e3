package io.connectionbroker.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.connectionbroker.domain.AppUrls;
import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ListConnections;
import io.connectionbroker.domain.ReadConnectionStatus;
import io.connectionbroker.domain.ViewConnection;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.EntityTags;
import io.connectionbroker.web.PageLimit;
import io.connectionbroker.web.QueryParameters;
import io.connectionbroker.web.document.ApiExamples;
import io.connectionbroker.web.document.ConnectionRoute;
import io.connectionbroker.web.document.ConnectionView;
import io.connectionbroker.web.document.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * {@code GET /v1/connections/{id}}: a connection's status, for the instances on its two sides only.
 * {@code GET /v1/connections?limit=N&cursor=C&status=S}: the Connections tab, the caller's connections newest
 * first.
 */
@Controller("/v1/connections")
@Tag(name = "Connections")
@SecurityRequirement(name = "apiKey")
public class ConnectionStatusController {
    private static final String LIST_ETAG = "The tag of this page: it changes whenever one of its connections as the"
            + " caller sees them, their order or the next cursor does. Send it in If-None-Match to poll.";
    private final CallerInstance callers;
    private final ViewConnection viewConnection;
    private final ListConnections listConnections;
    private final ReadConnectionStatus readStatus;
    private final AppUrls appUrls;

    public ConnectionStatusController(CallerInstance callers, ViewConnection viewConnection,
                                      ListConnections listConnections, ReadConnectionStatus readStatus,
                                      AppUrls appUrls) {
        this.readStatus = readStatus;
        this.appUrls = appUrls;
        this.callers = callers;
        this.viewConnection = viewConnection;
        this.listConnections = listConnections;
    }

    @Get("/{id}")
    @Operation(operationId = "getConnection", summary = "Read a connection",
            description = "Either side reads the connection's status and both ends.")
    @ApiResponse(responseCode = "200", description = "The connection", headers = @io.swagger.v3.oas.annotations.headers.Header(
            name = HttpHeaders.ETAG, required = true, description = ConnectionView.ETAG_DESCRIPTION,
            schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConnectionView.class),
                    examples = @ExampleObject(value = ApiExamples.ACTIVE_CONNECTION)))
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match holds the current ETag; no body",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = HttpHeaders.ETAG, required = true,
                    description = ConnectionView.ETAG_DESCRIPTION, schema = @Schema(type = "string")))
    @ConnectionRoute
    public HttpResponse<?> status(@Parameter(hidden = true)
                                  @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                  @Parameter(description = "The ETag of an earlier answer: while it is still"
                                          + " current, the answer is 304 with no body")
                                  @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch,
                                  @PathVariable String id) {
        var read = readStatus.read(CallerInstance.bearerKey(authorization), id);
        var caller = CallerInstance.named(read.caller()).instance();
        Connection connection = read.connection();
        String tag = viewConnection.tag(connection, caller);
        String etag = EntityTags.quoted(tag);
        if (!EntityTags.noneMatchHolds(ifNoneMatch, tag)) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, etag);
        }
        return HttpResponse.ok(ConnectionView.of(connection, caller.id(), appUrls)).header(HttpHeaders.ETAG, etag);
    }

    @Get
    @Operation(operationId = "listConnections", summary = "List the caller's connections",
            description = "The Connections tab: every connection the caller's instance is a side of, in both"
                    + " directions, newest first, a page at a time. Pass `next` back as `cursor` for the next page.")
    @ApiResponse(responseCode = "200", description = "One page; `next` is null on the last",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = HttpHeaders.ETAG, required = true,
                    description = LIST_ETAG, schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConnectionList.class),
                    examples = @ExampleObject(value = "{\"items\": [" + ApiExamples.ACTIVE_CONNECTION
                            + "], \"next\": null}")))
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match holds the page's current ETag; no body",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = HttpHeaders.ETAG, required = true,
                    description = LIST_ETAG, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", ref = ProblemResponses.INVALID_REQUEST)
    @ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
    @ApiResponse(responseCode = "503", ref = ProblemResponses.TEMPORARILY_UNAVAILABLE)
    public HttpResponse<?> list(@Parameter(hidden = true)
                               @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                               @Parameter(description = "The ETag of an earlier answer for the same query: while it is"
                                       + " still current, the answer is 304 with no body")
                               @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch,
                               @Parameter(description = "Connections per page, 1 to " + ListConnections.MAX_LIMIT + "; "
                                       + ListConnections.DEFAULT_LIMIT + " when left out",
                                       schema = @Schema(type = "integer", minimum = "1", maximum = "100"))
                               @QueryValue @Nullable String limit,
                               @Parameter(description = "The `next` of the previous page")
                               @QueryValue @Nullable String cursor,
                               @Parameter(description = "Only connections with this status (EXPIRED: pending ones"
                                       + " whose invitation lapsed); every connection when left out",
                                       schema = @Schema(type = "string", allowableValues = {"PENDING", "ACTIVE",
                                           "EXPIRED", "DECLINED", "DEACTIVATED"}))
                               @QueryValue @Nullable String status,
                               HttpRequest<?> request) {
        QueryParameters.requireOnce(request, "limit", "cursor", "status");
        var caller = callers.from(authorization);
        ListConnections.Page page = listConnections.list(caller, PageLimit.parse(limit, ListConnections.MAX_LIMIT),
                cursor, status);
        String tag = viewConnection.tag(page, caller);
        String etag = EntityTags.quoted(tag);
        if (!EntityTags.noneMatchHolds(ifNoneMatch, tag)) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, etag);
        }
        return HttpResponse.ok(new ConnectionList(page.connections().stream()
                .map(connection -> ConnectionView.of(connection, caller.id(), appUrls)).toList(), page.next()))
                .header(HttpHeaders.ETAG, etag);
    }

    /** One page of the Connections tab; {@code next} is null on the last page. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ConnectionList")
    public record ConnectionList(List<ConnectionView> items,
                                 @Nullable @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED,
                                         description = "The cursor of the next page; null on the last page")
                                 String next) {
    }
}
