package io.connectionbroker.initiate;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.connectionbroker.domain.CheckDestination;
import io.connectionbroker.domain.ConnectionType;
import io.connectionbroker.domain.DestinationOffer;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.refusal.InvalidRequest;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.QueryParameters;
import io.connectionbroker.web.document.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /v1/destinations?url=U} or {@code ?private=true}: the wizard's first screen asks, before
 * initiating, what a connection to the destination would be and which modes are offered.
 */
@Controller("/v1/destinations")
@Tag(name = "Connections")
@SecurityRequirement(name = "apiKey")
public class DestinationController {
    static final String EXAMPLE = """
            {"type": "PUBLIC", "url": "https://beta.freshdesk.com", "registered": true, "platform": "FRESHDESK",
             "modes": [{"mode": "BASIC", "offered": true, "reason": null},
                       {"mode": "VISUAL", "offered": false,
                        "reason": "the destination instance runs FRESHDESK, which offers [BASIC, SCRIPT]"},
                       {"mode": "SCRIPT", "offered": true, "reason": null}],
             "adminAccessOffered": true}""";

    private final CallerInstance callers;
    private final CheckDestination checkDestination;

    public DestinationController(CallerInstance callers, CheckDestination checkDestination) {
        this.callers = callers;
        this.checkDestination = checkDestination;
    }

    @Get
    @Operation(operationId = "checkDestination", summary = "Check a destination before initiating",
            description = "What a connection from the caller's instance to the destination would be, and each mode"
                    + " with whether it is offered and, when not, why; by exactly the rules initiating applies. Give"
                    + " `url`, or `private=true` for a destination without a URL. Changes nothing.")
    @ApiResponse(responseCode = "200", description = "What a connection to the destination may be",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DestinationCheck.class),
                    examples = @ExampleObject(value = EXAMPLE)))
    @ApiResponse(responseCode = "400", ref = ProblemResponses.INVALID_REQUEST)
    @ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.UNSUPPORTED_INSTANCE_URL)
    @ApiResponse(responseCode = "503", ref = ProblemResponses.TEMPORARILY_UNAVAILABLE)
    public DestinationCheck check(@Parameter(hidden = true)
                                  @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                  @Parameter(description = "The destination instance's https URL, for example"
                                          + " `https://beta.freshdesk.com`; the caller's own URL for a LOCAL"
                                          + " connection between two of its projects",
                                          schema = @Schema(type = "string", maxLength = 300))
                                  @QueryValue @Nullable String url,
                                  @Parameter(name = "private", description = "`true` for a destination without a"
                                          + " URL (\"I don't have a URL\"), in place of `url`",
                                          schema = @Schema(type = "boolean"))
                                  @QueryValue("private") @Nullable String privateDestination,
                                  HttpRequest<?> request) {
        QueryParameters.requireOnce(request, "url", "private");
        var caller = callers.from(authorization);
        return DestinationCheck.of(checkDestination.check(caller, url, isTrue(privateDestination)));
    }

    private static boolean isTrue(String flag) {
        if (flag == null || flag.equals("false")) {
            return false;
        }
        if (flag.equals("true")) {
            return true;
        }
        throw InvalidRequest.of("private", "must be true or false");
    }

    /** What a connection to the destination may be. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "DestinationCheck")
    public record DestinationCheck(
            @Schema(implementation = ConnectionType.class, requiredMode = REQUIRED) String type,
            @Schema(nullable = true, requiredMode = REQUIRED,
                    description = "The URL as the broker spells it; null for a private destination")
            String url,
            @Schema(requiredMode = REQUIRED,
                    description = "Whether an instance is registered at the URL (the caller itself for LOCAL)")
            boolean registered,
            @Schema(nullable = true, requiredMode = REQUIRED, type = "string",
                    allowableValues = {"ZENDESK", "FRESHDESK", "FRESHSERVICE"},
                    description = "The registered instance's platform, else the one whose host the URL is on;"
                            + " null for a private destination")
            String platform,
            @ArraySchema(schema = @Schema(implementation = ModeOffer.class),
                    arraySchema = @Schema(description = "Every mode, BASIC, VISUAL and SCRIPT in that order"))
            List<ModeOffer> modes,
            @Schema(requiredMode = REQUIRED,
                    description = "Whether the initiating admin may confirm on the destination themself (BASIC only)")
            boolean adminAccessOffered) {

        static DestinationCheck of(DestinationOffer offer) {
            return new DestinationCheck(offer.type().name(), offer.url() == null ? null : offer.url().value(),
                    offer.registered() != null, offer.platform() == null ? null : offer.platform().name(),
                    Arrays.stream(Mode.values()).map(mode -> new ModeOffer(mode.name(), offer.offers(mode),
                            offer.reasonAgainst(mode))).toList(),
                    offer.adminAccessOffered());
        }
    }

    /** One mode, and why it is not offered. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ModeOffer")
    public record ModeOffer(@Schema(implementation = Mode.class, requiredMode = REQUIRED) String mode,
                            @Schema(requiredMode = REQUIRED) boolean offered,
                            @Schema(nullable = true, requiredMode = REQUIRED, description = "Why the mode is not offered, in words for the"
                                    + " admin; null when it is") String reason) {
    }
}
