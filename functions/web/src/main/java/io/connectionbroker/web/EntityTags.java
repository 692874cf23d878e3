package io.connectionbroker.web;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * HTTP entity tags (RFC 9110, section 8.8.3) as the broker gives them: strong, quoted, opaque. Reads the lists
 * that If-Match and If-None-Match carry.
 */
public final class EntityTags {
    private EntityTags() {
    }

    /** The ETag header value of a tag. */
    public static String quoted(String tag) {
        return "\"" + tag + "\"";
    }

    /**
     * The tags a condition header lists, unquoted, with {@code *} for "any"; weak tags ({@code W/"..."}) kept
     * apart as {@code W/tag}, so that If-Match's strong comparison never matches them.
     *
     * @return null when the header was not sent
     */
    public static Set<String> listed(String header) {
        if (header == null) {
            return null;
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String part : header.split(",")) {
            String tag = part.strip();
            boolean weak = tag.startsWith("W/");
            if (weak) {
                tag = tag.substring(2);
            }
            if (tag.equals("*")) {
                tags.add(tag);
            } else if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tags.add((weak ? "W/" : "") + tag.substring(1, tag.length() - 1));
            }
        }
        return tags;
    }

    /** Whether If-None-Match names the current tag (weak comparison: a weak tag matches too). */
    public static boolean noneMatchHolds(String ifNoneMatch, String current) {
        Set<String> tags = listed(ifNoneMatch);
        return tags == null || !(tags.contains("*") || tags.contains(current) || tags.contains("W/" + current));
    }
}
