package io.connectionbroker.domain;

import java.util.Arrays;
import java.util.Locale;

/**
 * One sync rule: which ticket field travels, in which direction, and how it is carried over. Rules are
 * data chosen from fixed vocabularies; nothing in them is ever evaluated.
 */
public record SyncRule(Field field, Direction direction, Transform transform) {

    /** The ticket fields a rule can carry, named in the API in lower camel case. */
    public enum Field {
        SUMMARY("summary"), DESCRIPTION("description"), COMMENTS("comments"),
        INTERNAL_COMMENTS("internalComments"), LABELS("labels"), ATTACHMENTS("attachments"), TYPE("type");

        private final String apiName;

        Field(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }

        public static Field ofApiName(String name) {
            return Arrays.stream(values()).filter(field -> field.apiName.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not a field: " + name));
        }

        public static String apiNames() {
            return Arrays.stream(values()).map(Field::apiName).toList().toString();
        }
    }

    /** Whether the rule sends from this side or receives into it. */
    public enum Direction {
        OUTGOING, INCOMING;

        Direction opposite() {
            return this == OUTGOING ? INCOMING : OUTGOING;
        }
    }

    /** How a field is carried over. */
    public enum Transform {
        /** As it is. */
        COPY,
        /** Ticket types mirrored (question, incident, problem, task), else the receiving side's default type. */
        MIRROR_TYPE,
        /** Internal comments arrive as public ones. */
        AS_PUBLIC_COMMENT;

        /** Whether the transform means anything for the field: a type mirrors only types, and so on. */
        public boolean fits(Field field) {
            return switch (this) {
                case COPY -> true;
                case MIRROR_TYPE -> field == Field.TYPE;
                case AS_PUBLIC_COMMENT -> field == Field.INTERNAL_COMMENTS;
            };
        }
    }

    static SyncRule rule(Field field, Direction direction, Transform transform) {
        return new SyncRule(field, direction, transform);
    }

    SyncRule reversed() {
        return new SyncRule(field, direction.opposite(), transform);
    }

    @Override
    public String toString() {
        return field.apiName() + " " + direction.name().toLowerCase(Locale.ROOT) + " " + transform;
    }
}
