package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.InvitationCodeMalformed;

/**
 * The one-time code an initiating admin hands to the other side. Shown once; only its hash is stored,
 * under its public id.
 */
public final class InvitationCode extends IssuedToken {
    static final String PREFIX = "cbi";
    /**
     * A code as the document states it, as issued (lower case); the white space a paste brings and upper
     * case are accepted too, and a code of this shape may still be mistyped (its checksum tells).
     */
    public static final String PATTERN = "^\\s*" + PREFIX + SecretToken.SHAPE_AFTER_PREFIX + "\\s*$";
    private static final String WHAT = "an invitation code";

    private InvitationCode(SecretToken token) {
        super(token);
    }

    public static InvitationCode issue(Entropy entropy) {
        return new InvitationCode(SecretToken.issue(PREFIX, entropy));
    }

    /** @throws InvitationCodeMalformed for text that is not a code, or a code with a typo in it */
    public static InvitationCode parse(String text) {
        try {
            return new InvitationCode(SecretToken.parse(PREFIX, WHAT, text));
        } catch (SecretToken.Malformed e) {
            String reason = e.getMessage();
            throw new InvitationCodeMalformed(Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".");
        }
    }
}
