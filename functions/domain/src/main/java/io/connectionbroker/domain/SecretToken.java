package io.connectionbroker.domain;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The shape shared by invitation codes and API keys: {@code <prefix>_<id>_<secret><checksum>}.
 * <ul>
 * <li>the prefix says what the token is, so a key pasted as a code is recognised;</li>
 * <li>the id (80 random bits) is public: it is the storage key under which the token's hash is found;</li>
 * <li>the secret has 160 random bits;</li>
 * <li>the checksum (CRC-32 of everything before it) lets a mistyped token be refused without a lookup.</li>
 * </ul>
 * All parts are Crockford base32 in lower case, so a token survives double-click selection and copying.
 */
final class SecretToken {
    static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final int ID_BYTES = 10;
    private static final int SECRET_BYTES = 20;
    private static final int ID_CHARS = ID_BYTES * 8 / 5;
    private static final int SECRET_CHARS = SECRET_BYTES * 8 / 5;
    private static final int CHECKSUM_CHARS = 7;
    private static final String CHARS = "[" + ALPHABET + "]";
    /** A token of this shape after its prefix, as the document states it. */
    static final String SHAPE_AFTER_PREFIX = "_" + CHARS + "{" + ID_CHARS + "}_" + CHARS + "{"
            + (SECRET_CHARS + CHECKSUM_CHARS) + "}";
    private static final Pattern SHAPE = Pattern.compile("([a-z]+)_(" + CHARS + "{" + ID_CHARS + "})_("
            + CHARS + "{" + SECRET_CHARS + "})(" + CHARS + "{" + CHECKSUM_CHARS + "})");

    private final String id;
    private final String text;

    private SecretToken(String id, String text) {
        this.id = id;
        this.text = text;
    }

    static SecretToken issue(String prefix, Entropy entropy) {
        String id = encode(entropy.bytes(ID_BYTES));
        String body = prefix + "_" + id + "_" + encode(entropy.bytes(SECRET_BYTES));
        return new SecretToken(id, body + checksum(body));
    }

    /**
     * @param what how the token is named to the person who typed it, for example "an invitation code"
     * @throws Malformed saying what is wrong, in words for that person
     */
    static SecretToken parse(String prefix, String what, String text) throws Malformed {
        if (text == null || text.isBlank()) {
            throw new Malformed(what + " is required");
        }
        String candidate = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (!candidate.startsWith(prefix + "_")) {
            throw new Malformed("this is not " + what + ": " + what + " starts with " + prefix + "_");
        }
        Matcher m = SHAPE.matcher(candidate);
        if (!m.matches()) {
            throw new Malformed("this is not " + what + ": it is incomplete or has characters that "
                    + what + " never has. Copy it again, whole");
        }
        String body = candidate.substring(0, candidate.length() - CHECKSUM_CHARS);
        if (!checksum(body).equals(m.group(4))) {
            throw new Malformed(what + " looks mistyped: its checksum does not match. Copy and paste it"
                    + " instead of typing it");
        }
        return new SecretToken(m.group(2), candidate);
    }

    /** The public part under which the token's hash is stored. */
    String id() {
        return id;
    }

    /** The whole token, to be shown once to its owner and never stored or logged. */
    String reveal() {
        return text;
    }

    SecretHash hash() {
        return SecretHash.of(text);
    }

    @Override
    public String toString() {
        return "SecretToken[id=" + id + ", secret=redacted]";
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_CHARS];
        for (int i = CHECKSUM_CHARS - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value & 31));
            value >>>= 5;
        }
        return new String(out);
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 8 / 5 + 1);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** Why a text is not a token of the expected kind. */
    static final class Malformed extends Exception {
        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }
}
