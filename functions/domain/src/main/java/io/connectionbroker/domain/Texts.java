package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.InvalidRequest;
import java.util.regex.Pattern;

/**
 * The product's rules for the free-text and name fields of a connection. Lengths count characters (code
 * points) as sent, as JSON Schema's maxLength does, so that the document states exactly what is refused.
 */
public final class Texts {
    public static final int SHORT_NAME_MAX = 40;
    public static final int NAME_MAX = 100;
    public static final int DESCRIPTION_MAX = 1000;
    public static final int PROJECT_MAX = 100;
    /** A short name, as the document states it (ECMA-262, as JSON Schema reads patterns). */
    public static final String SHORT_NAME_PATTERN = "^[A-Za-z0-9_-]{1," + SHORT_NAME_MAX + "}$";
    private static final Pattern SHORT_NAME = Pattern.compile("[A-Za-z0-9_-]{1," + SHORT_NAME_MAX + "}");
    /**
     * Format characters that text needs to be shown as written: the zero-width joiner (emoji sequences,
     * Indic scripts) and non-joiner (Persian, Indic scripts). Every other format character is refused.
     */
    private static final String NEEDED_FORMAT_CHARACTERS = "\u200C\u200D";

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
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw InvalidRequest.of(field, "must be at most " + max + " characters (it has " + length + ")");
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw InvalidRequest.of(field, "must not be blank; leave it out instead");
        }
        checkShowable(field, trimmed, false);
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
        int length = value.codePointCount(0, value.length());
        if (length > DESCRIPTION_MAX) {
            throw InvalidRequest.of(field, "must be at most " + DESCRIPTION_MAX + " characters (it has "
                    + length + ")");
        }
        checkShowable(field, value, true);
        return value;
    }

    /**
     * Refuses what a reader cannot be shown honestly: an unpaired surrogate (strict JSON parsers refuse the
     * whole document), a control character, a line or paragraph separator, or a format character such as a
     * bidirectional override (which shows {@code invoice\u202Egnp.exe} as "invoiceexe.png") or a zero-width
     * space. A multi-line text may keep line feeds. The refusal names the character by its code point and
     * Unicode name, never repeating the text.
     */
    static void checkShowable(String field, String value, boolean multiline) {
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= value.length()
                        || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw InvalidRequest.of(field, "holds an unpaired surrogate (" + codePoint(c) + "), which is not"
                            + " a character: send the text as UTF-8 or as \\u escapes of whole characters");
                }
                i += 2;
                continue;
            }
            int type = Character.getType(c);
            boolean refused = type == Character.CONTROL ? !(multiline && c == '\n')
                    : type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || (type == Character.FORMAT && NEEDED_FORMAT_CHARACTERS.indexOf(c) < 0);
            if (refused) {
                String name = Character.getName(c);
                throw InvalidRequest.of(field, "holds " + codePoint(c) + (name == null ? "" : " (" + name + ")")
                        + ", which cannot be shown as it is: remove it" + (multiline ? " (line feeds may stay)"
                        : "; it must be a single line"));
            }
            i++;
        }
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
