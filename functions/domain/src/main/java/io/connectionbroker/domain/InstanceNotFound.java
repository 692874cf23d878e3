package io.connectionbroker.domain;

/** No instance has the id. Never repeats the id sent. */
public final class InstanceNotFound extends Refusal {
    public InstanceNotFound() {
        super("No instance has this id. Read the id from the instance's registration or from GET /v1/instances/me.");
    }

    @Override
    public String kind() {
        return "instance-not-found";
    }

    @Override
    public String title() {
        return "The instance was not found";
    }
}
