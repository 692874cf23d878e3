package io.connectionbroker.domain.refusal;

/** A change that must say which read of the record it was made from (If-Match), and did not. */
public final class PreconditionRequired extends Refusal {
    public PreconditionRequired(String what) {
        super("Send the ETag of your last read of " + what + " in If-Match, so that this change cannot undo one"
                + " made since; read it first if you have none.");
    }

    @Override
    public Kind kind() {
        return Kind.PRECONDITION_REQUIRED;
    }
}
