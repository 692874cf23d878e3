package io.connectionbroker.domain;

/** Registering a URL that another registration already holds. */
public final class InstanceAlreadyRegistered extends Refusal {
    public InstanceAlreadyRegistered(InstanceUrl url) {
        super("An instance is already registered at " + url + ". Use the API key you got when it was registered;"
                + " each instance URL can be registered once.");
    }

    @Override
    public String kind() {
        return "instance-already-registered";
    }

    @Override
    public String title() {
        return "The instance is already registered";
    }
}
