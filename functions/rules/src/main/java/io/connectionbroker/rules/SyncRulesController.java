package io.connectionbroker.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.SyncRule;
import io.connectionbroker.domain.SyncRules;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.JsonBodies;
import io.connectionbroker.web.JsonFields;
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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET} and {@code PUT /v1/connections/{id}/rules}: a side reads and replaces its own sync rules.
 * A rule is {@code {"field", "direction", "transform"}}, data from fixed vocabularies.
 */
@Controller("/v1/connections/{id}/rules")
public class SyncRulesController {
    private final CallerInstance callers;
    private final JsonBodies bodies;
    private final SyncRules syncRules;

    public SyncRulesController(CallerInstance callers, JsonBodies bodies, SyncRules syncRules) {
        this.callers = callers;
        this.bodies = bodies;
        this.syncRules = syncRules;
    }

    @Get
    public RulesView rules(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization, @PathVariable String id) {
        return RulesView.of(syncRules.view(callers.from(authorization), id));
    }

    @Put
    @Consumes(MediaType.APPLICATION_JSON)
    public RulesView replace(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                             @PathVariable String id, @Body @Nullable String body) {
        Instance caller = callers.from(authorization);
        JsonFields fields = bodies.read(body).allowOnly("version", "outgoing", "incoming");
        Integer version = fields.integer("version");
        List<SyncRule> outgoing = rules(fields, "outgoing");
        List<SyncRule> incoming = rules(fields, "incoming");
        if (version == null) {
            fields.reject("version", "is required: the version you read, so a change made meanwhile is not lost");
        }
        fields.throwIfInvalid();
        return RulesView.of(syncRules.replace(caller, id, version, outgoing, incoming));
    }

    private static List<SyncRule> rules(JsonFields fields, String list) {
        List<JsonFields> items = fields.objects(list);
        List<SyncRule> rules = new ArrayList<>();
        if (items == null) {
            if (!fields.has(list)) {
                fields.reject(list, "is required: a list of rules, [] for none");
            }
            return rules;
        }
        for (JsonFields item : items) {
            item.allowOnly("field", "direction", "transform");
            String field = item.string("field");
            SyncRule.Direction direction = item.enumValue("direction", SyncRule.Direction.class);
            SyncRule.Transform transform = item.enumValue("transform", SyncRule.Transform.class);
            SyncRule.Field known = null;
            if (field == null) {
                item.reject("field", "is required: one of " + SyncRule.Field.apiNames());
            } else {
                try {
                    known = SyncRule.Field.ofApiName(field);
                } catch (IllegalArgumentException unknown) {
                    item.reject("field", "must be one of " + SyncRule.Field.apiNames());
                }
            }
            if (!item.has("direction")) {
                item.reject("direction", "is required: OUTGOING or INCOMING");
            }
            if (!item.has("transform")) {
                item.reject("transform", "is required: one of " + List.of(SyncRule.Transform.values()));
            }
            if (known != null && direction != null && transform != null) {
                rules.add(new SyncRule(known, direction, transform));
            }
        }
        return rules;
    }

    /** One side's rules: {@code side}, {@code version}, and the rules it sends and receives. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RulesView(String side, int version, List<RuleView> outgoing, List<RuleView> incoming) {
        static RulesView of(SyncRules.SideRules rules) {
            return new RulesView(rules.side().name(), rules.rules().version(),
                    rules.rules().outgoing().stream().map(RuleView::of).toList(),
                    rules.rules().incoming().stream().map(RuleView::of).toList());
        }
    }

    /** One rule. */
    @Serdeable
    public record RuleView(String field, String direction, String transform) {
        static RuleView of(SyncRule rule) {
            return new RuleView(rule.field().apiName(), rule.direction().name(), rule.transform().name());
        }
    }
}
