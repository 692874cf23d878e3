package io.connectionbroker.domain.refusal;

import io.connectionbroker.domain.InstanceUrl;

/** No instance is registered at a URL whose helpdesk the caller administers. */
public final class InstanceNotRegistered extends Refusal {
    public InstanceNotRegistered(InstanceUrl url) {
        super("No instance is registered at " + url + ". Register it (POST /v1/instances) to get its first API key.");
    }

    @Override
    public Kind kind() {
        return Kind.INSTANCE_NOT_REGISTERED;
    }
}
