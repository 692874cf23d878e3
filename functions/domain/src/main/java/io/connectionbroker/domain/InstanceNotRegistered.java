package io.connectionbroker.domain;

/** No instance is registered at a URL whose helpdesk the caller administers. */
public final class InstanceNotRegistered extends Refusal {
    InstanceNotRegistered(InstanceUrl url) {
        super("No instance is registered at " + url + ". Register it (POST /v1/instances) to get its first API key.");
    }

    @Override
    public String kind() {
        return "instance-not-registered";
    }

    @Override
    public String title() {
        return "No instance is registered at this URL";
    }
}
