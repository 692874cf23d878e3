package io.connectionbroker.web;

import io.connectionbroker.domain.Refusal;

/** A request body over the size any request of this API needs. */
public final class BodyTooLarge extends Refusal {
    public BodyTooLarge(int bytes, int maxBytes) {
        super("The request body has " + bytes + " bytes; this API accepts at most " + maxBytes + ".");
    }

    @Override
    public String kind() {
        return "payload-too-large";
    }

    @Override
    public String title() {
        return "The request body is too large";
    }
}
