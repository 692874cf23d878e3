package io.connectionbroker.domain;

import java.util.regex.Pattern;

/** The product's rules for the free-text and name fields of a connection. */
final class Texts {
    static final int SHORT_NAME_MAX = 40;
    static final int NAME_MAX = 100;
    static final int DESCRIPTION_MAX = 1000;
    static final int PROJECT_MAX = 100;
    private static final Pattern SHORT_NAME = Pattern.compile("[A-Za-z0-9_-]{1," + SHORT_NAME_MAX + "}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private Texts() {
    }

    static String shortName(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw InvalidRequest.of(field, "is required: 1 to " + SHORT_NAME_MAX + " letters, digits, '-' or '_'");
        }
        if (!SHORT_NAME.matcher(value).matches()) {
            throw InvalidRequest.of(field, "must be 1 to " + SHORT_NAME_MAX
                    + " letters, digits, '-' or '_' (no spaces), for example acme-support");
        }
        return value;
    }

    /** An optional single-line text: null stays null, otherwise trimmed, non-empty and at most max long. */
    static String optionalLine(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw InvalidRequest.of(field, "must not be blank; leave it out instead");
        }
        if (trimmed.length() > max) {
            throw InvalidRequest.of(field, "must be at most " + max + " characters (it has " + trimmed.length() + ")");
        }
        if (CONTROL.matcher(trimmed).find()) {
            throw InvalidRequest.of(field, "must be a single line without control characters");
        }
        return trimmed;
    }

    static String requiredLine(String field, String value, int max, String hint) {
        if (value == null || value.isBlank()) {
            throw InvalidRequest.of(field, "is required: " + hint);
        }
        return optionalLine(field, value, max);
    }

    /** An optional description: may span lines, at most max characters. */
    static String description(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > DESCRIPTION_MAX) {
            throw InvalidRequest.of(field, "must be at most " + DESCRIPTION_MAX + " characters (it has "
                    + value.length() + ")");
        }
        return value;
    }
}
