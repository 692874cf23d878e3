package io.connectionbroker.domain.refusal;

/**
 * A URL that no helpdesk instance can have: an instance is {@code https://<account>.<platform host>} and
 * nothing more. Never repeats what was sent: the detail says what the URL must be.
 */
public final class UnsupportedInstanceUrl extends Refusal {
    public UnsupportedInstanceUrl(String field, String problem) {
        super(field + " " + problem + ". An instance URL is the account's own address on its platform:"
                + " https://<account>.zendesk.com, https://<account>.freshdesk.com or"
                + " https://<account>.freshservice.com, with no path, port, user info, query or fragment.");
    }

    @Override
    public Kind kind() {
        return Kind.UNSUPPORTED_INSTANCE_URL;
    }
}
