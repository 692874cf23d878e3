package io.connectionbroker.domain;

import static io.connectionbroker.domain.SyncRule.Field.ATTACHMENTS;
import static io.connectionbroker.domain.SyncRule.Field.COMMENTS;
import static io.connectionbroker.domain.SyncRule.Field.DESCRIPTION;
import static io.connectionbroker.domain.SyncRule.Field.INTERNAL_COMMENTS;
import static io.connectionbroker.domain.SyncRule.Field.LABELS;
import static io.connectionbroker.domain.SyncRule.Field.SUMMARY;
import static io.connectionbroker.domain.SyncRule.Field.TYPE;
import static io.connectionbroker.domain.SyncRule.Transform.AS_PUBLIC_COMMENT;
import static io.connectionbroker.domain.SyncRule.Transform.COPY;
import static io.connectionbroker.domain.SyncRule.Transform.MIRROR_TYPE;

import java.util.List;
import java.util.Map;

/** The rules every connection is created with, by mode. */
final class DefaultRules {
    private DefaultRules() {
    }

    static Map<RuleSet.Owner, RuleSet> forMode(Mode mode) {
        return switch (mode) {
            case BASIC -> Map.of(RuleSet.Owner.SHARED, basic());
            case VISUAL -> Map.of(RuleSet.Owner.SHARED, generated());
            case SCRIPT -> Map.of(RuleSet.Owner.SOURCE, generated(), RuleSet.Owner.DESTINATION, generated());
        };
    }

    /** Fixed: summary, description, comments (internal ones arriving as public), attachments, mirrored types. */
    private static RuleSet basic() {
        List<SyncRule> rules = List.of(new SyncRule(SUMMARY, COPY), new SyncRule(DESCRIPTION, COPY),
                new SyncRule(COMMENTS, COPY), new SyncRule(INTERNAL_COMMENTS, AS_PUBLIC_COMMENT),
                new SyncRule(ATTACHMENTS, COPY), new SyncRule(TYPE, MIRROR_TYPE));
        return new RuleSet(1, rules, rules);
    }

    /** The generated defaults of Visual and Script: summary, description, comments, labels, attachments. */
    private static RuleSet generated() {
        List<SyncRule> rules = List.of(new SyncRule(SUMMARY, COPY), new SyncRule(DESCRIPTION, COPY),
                new SyncRule(COMMENTS, COPY), new SyncRule(LABELS, COPY), new SyncRule(ATTACHMENTS, COPY));
        return new RuleSet(1, rules, rules);
    }
}
