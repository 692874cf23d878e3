package io.connectionbroker.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.connectionbroker.domain.Event;
import io.connectionbroker.domain.EventFeed;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.EntityTags;
import io.connectionbroker.web.PageLimit;
import io.connectionbroker.web.QueryParameters;
import io.connectionbroker.web.document.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
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
import java.util.Map;

/**
 * {@code GET /v1/events?after=C&limit=N}: the caller's feed, oldest first. {@code next} is always given; sent back
 * as {@code after}, it reads what is new since, and its ETag answers 304 while nothing is.
 */
@Controller("/v1/events")
@Tag(name = "Events")
@SecurityRequirement(name = "apiKey")
public class EventFeedController {
    private static final String ETAG = "The tag of this page: the same for the same `after` as long as nothing new"
            + " arrived after it. Send it in If-None-Match to poll.";
    private static final String EXAMPLE = "{\"items\": [{\"id\": \"5f1c2a9e-8d0b-4c3e-9a57-1b2d3c4e5f60\","
            + " \"type\": \"connection.accepted\", \"occurredAt\": \"2026-11-30T09:15:02.117Z\","
            + " \"connectionId\": \"0b6f3c52-3f1e-4c7a-9d6e-2a8b7c1d4e5f\", \"actor\": {\"instanceId\":"
            + " \"7d2e9b14-5a6c-4f3d-8e1b-9c0a2d3e4f51\", \"keyId\": \"k3J9xQ2mZ8vR4tY6\"}, \"data\":"
            + " {\"destinationInstanceId\": \"7d2e9b14-5a6c-4f3d-8e1b-9c0a2d3e4f51\", \"destinationUrl\":"
            + " \"https://beta.zendesk.com\"}}], \"next\": \"ZXZlbnRzfDQy.c2lnbmF0dXJl\"}";

    private final CallerInstance callers;
    private final EventFeed feed;

    public EventFeedController(CallerInstance callers, EventFeed feed) {
        this.callers = callers;
        this.feed = feed;
    }

    @Get
    @Operation(operationId = "listEvents", summary = "Read what happened",
            description = "The caller's feed, oldest first: every change to the caller's instance and to the"
                    + " connections it is a side of, by either side, and the caller's invitations that lapsed"
                    + " unanswered. Events are kept " + 90 + " days. Send `next` back as `after` to read what is"
                    + " new, with the page's ETag in If-None-Match: while nothing is new the answer is 304.")
    @ApiResponse(responseCode = "200", description = "The events after `after`, up to `limit`; `next` is always given",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = HttpHeaders.ETAG, required = true,
                    description = ETAG, schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "#/components/schemas/EventFeed"),
                    examples = @ExampleObject(value = EXAMPLE)))
    @ApiResponse(responseCode = "304", description = "Not modified: nothing new since the page If-None-Match names; no body",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = HttpHeaders.ETAG, required = true,
                    description = ETAG, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", ref = ProblemResponses.INVALID_REQUEST)
    @ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
    @ApiResponse(responseCode = "503", ref = ProblemResponses.TEMPORARILY_UNAVAILABLE)
    public HttpResponse<?> list(@Parameter(hidden = true)
                                @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                @Parameter(description = "The ETag of an earlier answer for the same `after`: while"
                                        + " nothing is new, the answer is 304 with no body")
                                @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch,
                                @Parameter(description = "The `next` of the previous read; leave it out to read from"
                                        + " the oldest event kept")
                                @QueryValue @Nullable String after,
                                @Parameter(description = "Events per page, 1 to " + EventFeed.MAX_LIMIT + "; "
                                        + EventFeed.DEFAULT_LIMIT + " when left out",
                                        schema = @Schema(type = "integer", minimum = "1", maximum = "100"))
                                @QueryValue @Nullable String limit,
                                HttpRequest<?> request) {
        QueryParameters.requireOnce(request, "after", "limit");
        var caller = callers.from(authorization);
        EventFeed.Page page = feed.read(caller, PageLimit.parse(limit, EventFeed.MAX_LIMIT), after);
        String etag = EntityTags.quoted(page.tag());
        if (!EntityTags.noneMatchHolds(ifNoneMatch, page.tag())) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, etag);
        }
        return HttpResponse.ok(new EventList(page.events().stream().map(EventView::of).toList(), page.next()))
                .header(HttpHeaders.ETAG, etag);
    }

    /** One page of the feed (documented by hand in events.yml, one schema per event type). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(hidden = true)
    public record EventList(List<EventView> items, String next) {
    }

    /** One event as the feed shows it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(hidden = true)
    public record EventView(String id, String type, String occurredAt, @Nullable String connectionId,
                            @Nullable ActorView actor, Map<String, Object> data) {
        static EventView of(Event event) {
            return new EventView(event.id(), event.type().type(), event.occurredAt().toString(), event.connectionId(),
                    event.actor() == null ? null : new ActorView(event.actor().instanceId(), event.actor().keyId()),
                    event.data());
        }
    }

    /** Who made the change; {@code keyId} is null where the instance proved itself through its helpdesk instead. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(hidden = true)
    public record ActorView(String instanceId, @Nullable String keyId) {
    }
}
