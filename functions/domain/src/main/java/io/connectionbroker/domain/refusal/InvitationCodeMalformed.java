package io.connectionbroker.domain.refusal;

/** Text that cannot be an invitation code: wrong shape, or a checksum that shows it was mistyped. */
public final class InvitationCodeMalformed extends Refusal {
    public InvitationCodeMalformed(String detail) {
        super(detail);
    }

    @Override
    public Kind kind() {
        return Kind.INVITATION_CODE_MALFORMED;
    }
}
