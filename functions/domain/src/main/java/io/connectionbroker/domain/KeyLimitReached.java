package io.connectionbroker.domain;

/** Answered 409. */
public final class KeyLimitReached extends Refusal {
    public KeyLimitReached(String detail) {
        super(detail);
    }

    @Override
    public String kind() {
        return "key-limit-reached";
    }

    @Override
    public String title() {
        return "The instance has as many API keys as it may";
    }
}
