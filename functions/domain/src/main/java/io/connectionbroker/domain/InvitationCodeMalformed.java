package io.connectionbroker.domain;

/** Text that cannot be an invitation code: wrong shape, or a checksum that shows it was mistyped. */
public final class InvitationCodeMalformed extends Refusal {
    public InvitationCodeMalformed(String detail) {
        super(detail);
    }

    @Override
    public String kind() {
        return "invitation-code-malformed";
    }

    @Override
    public String title() {
        return "The invitation code is malformed";
    }
}
