package io.connectionbroker.domain;

/**
 * The one-time code an initiating admin hands to the other side. Shown once; only its hash is stored,
 * under its public id.
 */
public final class InvitationCode {
    static final String PREFIX = "cbi";
    private static final String WHAT = "an invitation code";

    private final SecretToken token;

    private InvitationCode(SecretToken token) {
        this.token = token;
    }

    public static InvitationCode issue(Entropy entropy) {
        return new InvitationCode(SecretToken.issue(PREFIX, entropy));
    }

    /** @throws InvitationCodeMalformed for text that is not a code, or a code with a typo in it */
    public static InvitationCode parse(String text) {
        try {
            return new InvitationCode(SecretToken.parse(PREFIX, WHAT, text));
        } catch (SecretToken.Malformed e) {
            throw new InvitationCodeMalformed(capitalise(e.getMessage()) + ".");
        }
    }

    public String id() {
        return token.id();
    }

    public SecretHash hash() {
        return token.hash();
    }

    /** The code itself, for the one answer that shows it. */
    public String reveal() {
        return token.reveal();
    }

    @Override
    public String toString() {
        return "InvitationCode[id=" + id() + ", secret=redacted]";
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
