package io.connectionbroker.domain;

/** No API key, or one that does not belong to a registered instance. */
public final class Unauthenticated extends Refusal {
    public Unauthenticated(String detail) {
        super(detail);
    }

    @Override
    public String kind() {
        return "unauthenticated";
    }

    @Override
    public String title() {
        return "An instance API key is required";
    }
}
