package io.connectionbroker.activation;

import io.connectionbroker.domain.AppUrls;
import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.EditConnection;
import io.connectionbroker.domain.Caller;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.Texts;
import io.connectionbroker.domain.ViewConnection;
import io.connectionbroker.idempotency.IdempotentAnswers;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.EntityTags;
import io.connectionbroker.web.body.JsonBodies;
import io.connectionbroker.web.body.JsonFields;
import io.connectionbroker.web.document.ApiExamples;
import io.connectionbroker.web.document.ConnectionRoute;
import io.connectionbroker.web.document.ConnectionView;
import io.connectionbroker.web.document.IdempotencyHeaders;
import io.connectionbroker.web.document.IdempotencyKeyRefusals;
import io.connectionbroker.web.document.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code PATCH /v1/connections/{id}}: either side renames the connection or rewrites its description, with
 * If-Match carrying the ETag of the read it edited.
 */
@Controller("/v1/connections/{id}")
@Tag(name = "Connections")
@SecurityRequirement(name = "apiKey")
public class EditConnectionController {
    private final CallerInstance callers;
    private final JsonBodies bodies;
    private final EditConnection editConnection;
    private final ViewConnection viewConnection;
    private final IdempotentAnswers answers;
    private final AppUrls appUrls;

    public EditConnectionController(CallerInstance callers, JsonBodies bodies, EditConnection editConnection,
                                    ViewConnection viewConnection, IdempotentAnswers answers, AppUrls appUrls) {
        this.appUrls = appUrls;
        this.callers = callers;
        this.bodies = bodies;
        this.editConnection = editConnection;
        this.viewConnection = viewConnection;
        this.answers = answers;
    }

    @Patch
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "editConnection", summary = "Rename a connection or rewrite its description",
            description = "Either side changes `name`, `description` or both; a field left out stays as it is, and"
                    + " `description: null` removes it. The text rules of initiating apply. `If-Match` must carry"
                    + " the ETag of the read the edit was made from (`*` for whatever is stored), so an edit never"
                    + " undoes one made since.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EditRequest.class),
            examples = @ExampleObject(value = EditRequest.EXAMPLE)))
    @ApiResponse(responseCode = "200", headers = {
            @io.swagger.v3.oas.annotations.headers.Header(name = HttpHeaders.ETAG, required = true,
                    description = ConnectionView.ETAG_DESCRIPTION, schema = @Schema(type = "string")),
            @io.swagger.v3.oas.annotations.headers.Header(name = IdempotencyHeaders.REPLAYED, description = "`true` when this is the first answer sent again, for the same Idempotency-Key", schema = @Schema(type = "string", allowableValues = "true"))},
            description = "The connection as edited",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConnectionView.class),
                    examples = @ExampleObject(value = ApiExamples.ACTIVE_CONNECTION)))
    @ConnectionRoute
    @ApiResponse(responseCode = "412", ref = ProblemResponses.CONNECTION_CHANGED)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "428", ref = ProblemResponses.PRECONDITION_REQUIRED)
    @IdempotencyKeyRefusals
    public HttpResponse<?> edit(HttpRequest<?> request,
                                @Parameter(hidden = true)
                                @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                @Parameter(description = "The ETag of the read this edit was made from; `*` for"
                                        + " whatever is stored", required = true, schema = @Schema(type = "string"))
                                @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                @Parameter(description = IdempotencyHeaders.KEY_DESCRIPTION)
                                @Header(IdempotencyHeaders.KEY) @Nullable String idempotencyKey,
                                @PathVariable String id,
                                @Parameter(hidden = true) @Body @Nullable String body) {
        Caller calling = callers.caller(authorization);
        Instance caller = calling.instance();
        JsonFields fields = bodies.read(body);
        EditRequest read = fields.as(EditRequest.class);
        fields.throwIfInvalid();
        EditConnection.Edit edit = new EditConnection.Edit(fields.sent("name"), read.name(),
                fields.sent("description"), read.description());
        return answers.<Connection>answer(request, calling.actor(), idempotencyKey, body,
                () -> editConnection.edit(caller, id, EntityTags.listed(ifMatch), edit),
                edited -> HttpResponse.ok(ConnectionView.of(edited, caller.id(), appUrls))
                        .header(HttpHeaders.ETAG, EntityTags.quoted(viewConnection.tag(edited, caller))));
    }

    /** The body as the API documents it, and as {@link #edit} reads it. */
    @Schema(name = "EditRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE, minProperties = 1)
    record EditRequest(@Nullable @Schema(description = "One line, not blank", minLength = 1,
                               maxLength = Texts.NAME_MAX) String name,
                       @Nullable @Schema(nullable = true, description = "May span lines; null removes it",
                               maxLength = Texts.DESCRIPTION_MAX) String description) {
        static final String EXAMPLE = """
                {"name": "acme to beta (support)", "description": "Support tickets both ways, since May"}""";
    }
}
