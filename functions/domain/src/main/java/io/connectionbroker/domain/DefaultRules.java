package io.connectionbroker.domain;

import static io.connectionbroker.domain.SyncRule.Direction.INCOMING;
import static io.connectionbroker.domain.SyncRule.Direction.OUTGOING;
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
import static io.connectionbroker.domain.SyncRule.rule;

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
        return new RuleSet(1, basicRules(OUTGOING), basicRules(INCOMING));
    }

    private static List<SyncRule> basicRules(SyncRule.Direction direction) {
        return List.of(rule(SUMMARY, direction, COPY), rule(DESCRIPTION, direction, COPY),
                rule(COMMENTS, direction, COPY), rule(INTERNAL_COMMENTS, direction, AS_PUBLIC_COMMENT),
                rule(ATTACHMENTS, direction, COPY), rule(TYPE, direction, MIRROR_TYPE));
    }

    /** The generated defaults of Visual and Script: summary, description, comments, labels, attachments. */
    private static RuleSet generated() {
        return new RuleSet(1, generatedRules(OUTGOING), generatedRules(INCOMING));
    }

    private static List<SyncRule> generatedRules(SyncRule.Direction direction) {
        return List.of(rule(SUMMARY, direction, COPY), rule(DESCRIPTION, direction, COPY),
                rule(COMMENTS, direction, COPY), rule(LABELS, direction, COPY), rule(ATTACHMENTS, direction, COPY));
    }
}
