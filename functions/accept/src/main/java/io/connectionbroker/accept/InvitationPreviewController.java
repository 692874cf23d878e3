package io.connectionbroker.accept;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionType;
import io.connectionbroker.domain.InvitationCode;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.PreviewInvitation;
import io.connectionbroker.domain.Side;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.body.JsonBodies;
import io.connectionbroker.web.body.JsonFields;
import io.connectionbroker.web.document.AnswersAnInvitation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * {@code POST /v1/invitations/preview}: the invited admin sees who invites, and to what, before accepting.
 * The code goes in the body, so it stays out of URLs and access logs.
 */
@Controller("/v1/invitations")
@Tag(name = "Invitations")
@SecurityRequirement(name = "apiKey")
public class InvitationPreviewController {
    static final String EXAMPLE = """
            {"source": {"shortName": "acme", "url": "https://acme.zendesk.com", "platform": "ZENDESK"},
             "yourShortName": "beta", "type": "PUBLIC", "mode": "SCRIPT", "name": "acme to beta",
             "description": "Support tickets both ways", "expiresAt": "2026-11-27T08:47:35.240Z",
             "offeredModes": ["BASIC", "SCRIPT"]}""";

    private final CallerInstance callers;
    private final JsonBodies bodies;
    private final PreviewInvitation previewInvitation;

    public InvitationPreviewController(CallerInstance callers, JsonBodies bodies, PreviewInvitation previewInvitation) {
        this.callers = callers;
        this.bodies = bodies;
        this.previewInvitation = previewInvitation;
    }

    @Post("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "previewInvitation", summary = "Look at an invitation before accepting",
            description = "What the invited admin needs to decide: the inviting side, the connection's type, mode,"
                    + " name and description, when the code lapses, and the modes the caller's platform offers"
                    + " (accepting refuses any other mode). Refused as accepting is; a wrong code counts toward the"
                    + " lock-out as one sent to accept does. Changes nothing else.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PreviewRequest.class),
            examples = @ExampleObject(value = PreviewRequest.EXAMPLE)))
    @ApiResponse(responseCode = "200", description = "What the invitation is for",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InvitationPreview.class),
                    examples = @ExampleObject(value = EXAMPLE)))
    @AnswersAnInvitation
    public InvitationPreview preview(@Parameter(hidden = true)
                                     @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                     @Parameter(hidden = true) @Body @Nullable String body) {
        var caller = callers.from(authorization);
        JsonFields fields = bodies.read(body);
        String code = fields.as(PreviewRequest.class).code();
        if (code == null) {
            fields.reject("code", "is required: the invitation code the initiating admin gave you");
        }
        fields.throwIfInvalid();
        return InvitationPreview.of(previewInvitation.preview(caller, code));
    }

    /** The body as the API documents it, and as {@link #preview} reads it. */
    @Schema(name = "PreviewRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record PreviewRequest(@Schema(requiredMode = REQUIRED, pattern = InvitationCode.PATTERN,
                                  description = "The invitation code, as the initiating admin gave it") String code) {
        static final String EXAMPLE = """
                {"code": "cbi_htwz7eaays78wcga_4h0wqp26wd4ggc11934cfb34z6bk1tev2pw4drg"}""";
    }

    /** What an invitation is for, as its invited admin sees it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "InvitationPreview")
    public record InvitationPreview(
            InvitingSide source,
            @Schema(requiredMode = REQUIRED, description = "The short name the initiating admin gave your side")
            String yourShortName,
            @Schema(implementation = ConnectionType.class, requiredMode = REQUIRED) String type,
            @Schema(implementation = Mode.class, requiredMode = REQUIRED) String mode,
            @Schema(requiredMode = REQUIRED) String name,
            @Schema(nullable = true, requiredMode = REQUIRED) String description,
            @Schema(format = "date-time", requiredMode = REQUIRED, description = "When the code lapses") String expiresAt,
            @ArraySchema(schema = @Schema(implementation = Mode.class), arraySchema = @Schema(requiredMode = REQUIRED,
                    description = "The modes your instance's platform offers; accepting refuses a connection in any other"))
            List<String> offeredModes) {

        static InvitationPreview of(PreviewInvitation.Preview preview) {
            Connection connection = preview.connection();
            Side source = connection.source();
            return new InvitationPreview(new InvitingSide(source.shortName(), source.url().value(),
                    source.platform().name()), connection.destination().shortName(), connection.type().name(),
                    connection.mode().name(), connection.name(), connection.description(),
                    connection.invitationExpiresAt().toString(),
                    preview.offeredModes().stream().sorted().map(Enum::name).toList());
        }
    }

    /** The instance that invites. */
    @Serdeable
    @Schema(name = "InvitingSide")
    public record InvitingSide(@Schema(requiredMode = REQUIRED) String shortName,
                               @Schema(requiredMode = REQUIRED) String url,
                               @Schema(requiredMode = REQUIRED, type = "string",
                                       allowableValues = {"ZENDESK", "FRESHDESK", "FRESHSERVICE"}) String platform) {
    }
}
