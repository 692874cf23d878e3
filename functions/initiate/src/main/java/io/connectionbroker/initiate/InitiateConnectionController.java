package io.connectionbroker.initiate;

import io.connectionbroker.domain.AppUrls;
import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.Caller;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.idempotency.IdempotentAnswers;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.body.JsonBodies;
import io.connectionbroker.web.document.ApiExamples;
import io.connectionbroker.web.document.ConnectionView;
import io.connectionbroker.web.document.IdempotencyHeaders;
import io.connectionbroker.web.document.ProblemResponses;
import io.connectionbroker.web.telemetry.BrokerMetrics;
import io.connectionbroker.web.telemetry.CountsAs;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;

/** {@code POST /v1/connections}: the caller's instance initiates a connection and gets its invitation code once. */
@Controller("/v1/connections")
@Tag(name = "Connections")
@SecurityRequirement(name = "apiKey")
public class InitiateConnectionController {
    private final CallerInstance callers;
    private final JsonBodies bodies;
    private final InitiateConnection initiateConnection;
    private final IdempotentAnswers answers;
    private final AppUrls appUrls;

    public InitiateConnectionController(CallerInstance callers, JsonBodies bodies,
                                        InitiateConnection initiateConnection, IdempotentAnswers answers, AppUrls appUrls) {
        this.appUrls = appUrls;
        this.callers = callers;
        this.bodies = bodies;
        this.initiateConnection = initiateConnection;
        this.answers = answers;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @CountsAs(BrokerMetrics.CONNECTIONS_INITIATED)
    @Operation(operationId = "initiateConnection", summary = "Initiate a connection",
            description = "The caller's instance becomes the source of a new PENDING connection. The answer shows the"
                    + " invitation code once: hand it to the destination's admin, who accepts it. With"
                    + " `adminAccess` (BASIC, not private) the answer has a `confirmUrl` on the destination instead.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = InitiateRequest.Body.class),
            examples = @ExampleObject(name = "public", value = InitiateRequest.Body.EXAMPLE)))
    @ApiResponse(responseCode = "201", headers = {
            @io.swagger.v3.oas.annotations.headers.Header(name = HttpHeaders.LOCATION, required = true, description = "The new connection's URL", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "uri-reference")),
            @io.swagger.v3.oas.annotations.headers.Header(name = HttpHeaders.CACHE_CONTROL, required = true, description = "`no-store`: the answer holds a secret shown once", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", allowableValues = "no-store")),
            @io.swagger.v3.oas.annotations.headers.Header(name = IdempotencyHeaders.REPLAYED, description = "`true` when this is the first answer sent again, for the same Idempotency-Key", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", allowableValues = "true"))},
            description = "Initiated; `Location` is the connection's URL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {
                    Initiation.class, AdminAccessInitiation.class}),
                    examples = {@ExampleObject(name = "invitation", value = Initiation.EXAMPLE),
                            @ExampleObject(name = "admin access", value = AdminAccessInitiation.EXAMPLE)}))
    @ApiResponse(responseCode = "400", ref = ProblemResponses.INVALID_REQUEST)
    @ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.CONNECTION_REFUSED)
    @ApiResponse(responseCode = "503", ref = ProblemResponses.TEMPORARILY_UNAVAILABLE)
    public HttpResponse<?> initiate(HttpRequest<?> request,
                                    @Parameter(hidden = true)
                                    @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                    @Parameter(description = IdempotencyHeaders.KEY_DESCRIPTION)
                                    @Header(IdempotencyHeaders.KEY) @Nullable String idempotencyKey,
                                    @Parameter(hidden = true) @Body @Nullable String body) {
        Caller calling = callers.caller(authorization);
        Instance caller = calling.instance();
        InitiateConnection.Command command = InitiateRequest.read(bodies.read(body));
        return answers.<InitiateConnection.Initiated>answer(request, calling.actor(), idempotencyKey, body,
                () -> initiateConnection.initiate(caller, command), initiated -> {
                    Object answer = initiated.confirmUrl() != null
                            ? new AdminAccessInitiation(ConnectionView.of(initiated.connection(), caller.id(), appUrls), initiated.confirmUrl())
                            : Initiation.of(initiated, appUrls);
                    return HttpResponse.created(answer, URI.create("/v1/connections/" + initiated.connection().id()))
                            .header(HttpHeaders.CACHE_CONTROL, "no-store");
                });
    }

    /** The new connection and its invitation: the only answer that ever shows the code. */
    @Serdeable
    @Schema(name = "Initiation")
    public record Initiation(ConnectionView connection, Invitation invitation) {
        static final String EXAMPLE = "{\"connection\": " + ApiExamples.PENDING_CONNECTION
                + ", \"invitation\": " + ApiExamples.INVITATION + "}";

        static Initiation of(InitiateConnection.Initiated initiated, AppUrls appUrls) {
            Connection connection = initiated.connection();
            return new Initiation(ConnectionView.of(connection, connection.source().instanceId(), appUrls), new Invitation(
                    initiated.code().reveal(), initiated.connection().invitationExpiresAt().toString()));
        }
    }

    /**
     * An admin-access connection: instead of a code to hand over, the URL on the destination instance where
     * the admin confirms (its code lives 15 minutes); the destination's app redeems it through accept.
     */
    @Serdeable
    @Schema(name = "AdminAccessInitiation")
    public record AdminAccessInitiation(ConnectionView connection, String confirmUrl) {
        static final String EXAMPLE = "{\"connection\": " + ApiExamples.ADMIN_ACCESS_CONNECTION + ", \"confirmUrl\":"
                + " \"https://beta.freshdesk.com/a/apps/connection-broker/connections/f1ab0ffc-9c92-476a-8522-2b4901d8b2d9"
                + "/confirm/cbi_s6ae9gx34551t5nm_hvzr79n1rvrfjzx01tyeshwyt5wjpc8x216cwc6\"}";
    }

    /** The one-time code to hand to the other side's admin, and when it lapses. */
    @Serdeable
    @Schema(name = "Invitation")
    public record Invitation(String code, @Schema(format = "date-time", requiredMode = Schema.RequiredMode.REQUIRED)
                             String expiresAt) {
    }
}
