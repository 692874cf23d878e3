package io.connectionbroker.domain.refusal;

/** No connection with that id that the caller's instance is a side of (whether or not the id exists). */
public final class ConnectionNotFound extends Refusal {
    public ConnectionNotFound() {
        super("No connection with this id was found for your instance. Check the id; an instance sees only the"
                + " connections it initiated or accepted.");
    }

    @Override
    public Kind kind() {
        return Kind.CONNECTION_NOT_FOUND;
    }
}
