package io.connectionbroker.domain.refusal;

import io.connectionbroker.domain.InstanceUrl;

/** Registering a URL that another registration already holds. */
public final class InstanceAlreadyRegistered extends Refusal {
    public InstanceAlreadyRegistered(InstanceUrl url) {
        super("An instance is already registered at " + url + ". Use the API key you got when it was registered;"
                + " each instance URL can be registered once.");
    }

    @Override
    public Kind kind() {
        return Kind.INSTANCE_ALREADY_REGISTERED;
    }
}
