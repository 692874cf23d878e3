package io.connectionbroker.domain;

/** Answered 404. */
public final class KeyNotFound extends Refusal {
    public KeyNotFound(String detail) {
        super(detail);
    }

    @Override
    public String kind() {
        return "key-not-found";
    }

    @Override
    public String title() {
        return "API key not found";
    }
}
