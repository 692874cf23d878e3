package io.connectionbroker.domain;

import java.util.Arrays;

/**
 * One sync rule: which ticket field travels and how it is carried over. Its direction is the list it sits in
 * (a side's {@code outgoing} or {@code incoming} rules), never a field of its own that could disagree with it.
 * Rules are data chosen from fixed vocabularies; nothing in them is ever evaluated.
 */
public record SyncRule(Field field, Transform transform) {

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

    @Override
    public String toString() {
        return field.apiName() + " " + transform;
    }
}
