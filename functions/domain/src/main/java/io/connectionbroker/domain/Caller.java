package io.connectionbroker.domain;

/** An authenticated request's instance, and the API key it called with (its id, never the key). */
public record Caller(Instance instance, String keyId) {

    public String id() {
        return instance.id();
    }

    /** Who the events of this caller's changes name. */
    public Actor actor() {
        return new Actor(instance.id(), keyId);
    }
}
