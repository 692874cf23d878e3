package io.connectionbroker.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.connectionbroker.domain.IdempotentRequests;
import io.connectionbroker.domain.Caller;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.SyncRule;
import io.connectionbroker.domain.SyncRules;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.body.CrossFieldRules;
import io.connectionbroker.web.body.JsonBodies;
import io.connectionbroker.web.body.JsonFields;
import io.connectionbroker.web.body.RefusedField;
import io.connectionbroker.web.document.ConnectionRoute;
import io.connectionbroker.web.document.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET} and {@code PUT /v1/connections/{id}/rules}: a side reads and replaces its own sync rules.
 * A rule is {@code {"field", "transform"}}, data from fixed vocabularies; the list it is in gives its direction.
 */
@Controller("/v1/connections/{id}/rules")
@Tag(name = "Rules")
@SecurityRequirement(name = "apiKey")
public class SyncRulesController {
    private final CallerInstance callers;
    private final JsonBodies bodies;
    private final SyncRules syncRules;
    private final IdempotentRequests requests;

    public SyncRulesController(CallerInstance callers, JsonBodies bodies, SyncRules syncRules,
                               IdempotentRequests requests) {
        this.callers = callers;
        this.bodies = bodies;
        this.syncRules = syncRules;
        this.requests = requests;
    }

    @Get
    @Operation(operationId = "getRules", summary = "Read the caller's sync rules",
            description = "The rules as the caller's side sees them, with the version to send back when changing"
                    + " them. BASIC and VISUAL connections share one set (VISUAL shows it reversed to the"
                    + " destination); SCRIPT has one set per side.")
    @ApiResponse(responseCode = "200", description = "The caller's side's rules",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RulesView.class),
                    examples = @ExampleObject(value = RulesView.EXAMPLE)))
    @ConnectionRoute
    public RulesView rules(@Parameter(hidden = true)
                           @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization, @PathVariable String id) {
        return RulesView.of(syncRules.view(callers.from(authorization), id));
    }

    @Put
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceRules", summary = "Replace the caller's sync rules",
            description = "Replaces the whole set, if it is still at `version`; otherwise 409 with `currentVersion`,"
                    + " so a change made meanwhile is never lost. A BASIC connection's rules are fixed.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RulesRequest.class),
            examples = @ExampleObject(value = RulesRequest.EXAMPLE)))
    @ApiResponse(responseCode = "200", description = "The rules now, at the next version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RulesView.class),
                    examples = @ExampleObject(value = RulesView.EXAMPLE)))
    @ConnectionRoute
    @ApiResponse(responseCode = "400", ref = ProblemResponses.INVALID_REQUEST)
    @ApiResponse(responseCode = "409", ref = ProblemResponses.RULES_VERSION_CONFLICT)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.RULES_READ_ONLY)
    public RulesView replace(@Parameter(hidden = true)
                             @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                             @PathVariable String id, @Parameter(hidden = true) @Body @Nullable String body) {
        Caller calling = callers.caller(authorization);
        Instance caller = calling.instance();
        JsonFields fields = bodies.read(body);
        RulesRequest read = fields.as(RulesRequest.class);
        Integer version = read.version();
        List<SyncRule> outgoing = rules(fields, "outgoing", read.outgoing());
        List<SyncRule> incoming = rules(fields, "incoming", read.incoming());
        if (version == null) {
            fields.reject("version", "is required: the version you read, so a change made meanwhile is not lost");
        }
        fields.throwIfInvalid();
        return RulesView.of(requests.commit(calling.actor(), () -> syncRules.replace(caller, id, version, outgoing, incoming)));
    }

    /** The list's rules that are whole and fit; {@link RuleView#check} recorded what is wrong with the others. */
    private static List<SyncRule> rules(JsonFields fields, String list, List<RuleView> items) {
        List<SyncRule> rules = new ArrayList<>();
        if (items == null) {
            if (!fields.has(list)) {
                fields.reject(list, "is required: a list of rules, [] for none");
            }
            return rules;
        }
        for (RuleView item : items) {
            SyncRule.Field field = item == null ? null : RuleView.field(item.field());
            SyncRule.Transform transform = item == null ? null : RuleView.transform(item.transform());
            if (field != null && transform != null && transform.fits(field)) {
                rules.add(new SyncRule(field, transform));
            }
        }
        return rules;
    }

    /** One side's rules: {@code side}, {@code version}, and the rules it sends and receives. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Rules")
    public record RulesView(@Schema(implementation = SyncRules.Side.class, requiredMode = Schema.RequiredMode.REQUIRED,
                                    description = "Whose rules these are: the caller's side of the connection")
                            String side,
                            int version, List<RuleView> outgoing, List<RuleView> incoming) {
        static final String EXAMPLE = """
                {"side": "DESTINATION", "version": 2,
                 "outgoing": [{"field": "summary", "transform": "COPY"}],
                 "incoming": [{"field": "comments", "transform": "COPY"}]}""";

        static RulesView of(SyncRules.SideRules rules) {
            return new RulesView(rules.side().name(), rules.rules().version(),
                    rules.rules().outgoing().stream().map(RuleView::of).toList(),
                    rules.rules().incoming().stream().map(RuleView::of).toList());
        }
    }

    /** One rule; the list it is in (outgoing or incoming) gives its direction. */
    @RefusedField(name = "direction", reason = "is no longer part of a rule: the list a rule is in (outgoing or"
            + " incoming) gives its direction. Send each rule as {\"field\", \"transform\"}")
    @Serdeable
    @Schema(name = "Rule", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record RuleView(@Schema(type = "string", requiredMode = Schema.RequiredMode.REQUIRED,
                                   allowableValues = {"summary", "description", "comments", "internalComments",
                                           "labels", "attachments", "type"})
                           String field,
                           @Schema(implementation = SyncRule.Transform.class, requiredMode = Schema.RequiredMode.REQUIRED)
                           String transform) implements CrossFieldRules {
        private static final List<SyncRule.Transform> TRANSFORMS = List.of(SyncRule.Transform.values());

        static RuleView of(SyncRule rule) {
            return new RuleView(rule.field().apiName(), rule.transform().name());
        }

        /** A rule sent is checked as it is read, so each error stands in its place. */
        @Override
        public void check(JsonFields fields) {
            if (transform != null && transform(transform) == null) {
                fields.reject("transform", "must be one of " + TRANSFORMS);
            }
            if (this.field == null) {
                fields.reject("field", "is required: one of " + SyncRule.Field.apiNames());
            } else if (field(this.field) == null) {
                fields.reject("field", "must be one of " + SyncRule.Field.apiNames());
            }
            if (transform == null && !fields.rejected("transform")) {
                fields.reject("transform", "is required: one of " + TRANSFORMS);
            }
            SyncRule.Field known = field(this.field);
            SyncRule.Transform chosen = transform(transform);
            if (known != null && chosen != null && !chosen.fits(known)) {
                fields.reject("transform", chosen + " does not apply to " + known.apiName() + ": MIRROR_TYPE is for"
                        + " type, AS_PUBLIC_COMMENT for internalComments, COPY for any field");
            }
        }

        /** The field of that API name, or null. */
        static SyncRule.Field field(String apiName) {
            try {
                return apiName == null ? null : SyncRule.Field.ofApiName(apiName);
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }

        /** The transform of that name, or null. */
        static SyncRule.Transform transform(String name) {
            return TRANSFORMS.stream().filter(transform -> transform.name().equals(name)).findFirst().orElse(null);
        }
    }

    /** The body of a change as the API documents it, and as {@link #replace} reads it. */
    @Schema(name = "RulesRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record RulesRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                description = "The version the rules were read at") Integer version,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                description = "Rules this side sends; [] for none") List<RuleView> outgoing,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                description = "Rules this side receives; [] for none") List<RuleView> incoming) {
        static final String EXAMPLE = """
                {"version": 1,
                 "outgoing": [{"field": "summary", "transform": "COPY"}],
                 "incoming": [{"field": "comments", "transform": "COPY"}]}""";
    }
}
