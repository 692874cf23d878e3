package io.connectionbroker.store.dynamodb;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads back the instants this store writes ({@link Instant#toString()}: {@code 2026-11-30T15:08:44.123Z}).
 * {@link Instant#parse} goes through a general formatter that resolves fields into a map; a status read parses
 * seven instants and, with compilation stopped at C1 as Lambda runs Java, that took about 8% of its CPU. This
 * reads the shape {@code toString()} writes (a four-digit year, seconds, 0 to 9 fraction digits, {@code Z}) by
 * position, and hands anything else to {@link Instant#parse}, so what is accepted and refused stays exactly
 * what {@link Instant#parse} accepts and refuses.
 */
final class StoredInstant {
    private static final int SHORTEST = "2026-11-30T15:08:44Z".length();
    private static final int FRACTION_START = "2026-11-30T15:08:44.".length();
    private static final int[] FRACTION_SCALE = {1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000,
            1_000, 100, 10, 1};

    private StoredInstant() {
    }

    static Instant parse(String text) {
        int length = text.length();
        if (length < SHORTEST || length == SHORTEST + 1 || length > SHORTEST + 10 || !separatorsAt(text, length)) {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fractionDigits = length == SHORTEST ? 0 : length - 1 - FRACTION_START;
        int fraction = digits(text, FRACTION_START, FRACTION_START + fractionDigits);
        // A leap second, an hour 24 or a field that is not digits: the formatter's rules decide.
        if ((year | month | day | hour | minute | second | fraction) < 0 || hour > 23 || minute > 59 || second > 59) {
            return Instant.parse(text);
        }
        long date;
        try {
            date = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException outOfRange) {
            return Instant.parse(text);
        }
        return Instant.ofEpochSecond(date * 86_400 + hour * 3_600L + minute * 60L + second,
                (long) fraction * FRACTION_SCALE[fractionDigits]);
    }

    private static boolean separatorsAt(String text, int length) {
        return text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':'
                && text.charAt(16) == ':' && text.charAt(length - 1) == 'Z'
                && (length == SHORTEST || text.charAt(19) == '.');
    }

    /** The number the ASCII digits from {@code start} to {@code end} spell, or -1 if one is not a digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
