package io.connectionbroker.domain.refusal;

/** No instance has the id. Never repeats the id sent. */
public final class InstanceNotFound extends Refusal {
    public InstanceNotFound() {
        super("No instance has this id. Read the id from the instance's registration or from GET /v1/instances/me.");
    }

    @Override
    public Kind kind() {
        return Kind.INSTANCE_NOT_FOUND;
    }
}
