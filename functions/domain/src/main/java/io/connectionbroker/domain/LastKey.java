package io.connectionbroker.domain;

/** Answered 409. */
public final class LastKey extends Refusal {
    public LastKey(String detail) {
        super(detail);
    }

    @Override
    public String kind() {
        return "last-key";
    }

    @Override
    public String title() {
        return "The last API key cannot be revoked";
    }
}
