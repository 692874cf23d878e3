package io.connectionbroker.domain.refusal;

/** A change made from a read of the connection that is no longer current: its tag (ETag) does not match. */
public final class ConnectionChanged extends Refusal {
    public ConnectionChanged() {
        super("The connection changed since you read it, so this change could undo someone else's. Read it again"
                + " and send its new ETag in If-Match.");
    }

    @Override
    public Kind kind() {
        return Kind.CONNECTION_CHANGED;
    }
}
