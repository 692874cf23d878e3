package io.connectionbroker.domain;

/** What invitation codes and API keys share: a public id, a hash to store, and the secret shown once. */
abstract sealed class IssuedToken permits ApiKey, InvitationCode {
    private final SecretToken token;

    IssuedToken(SecretToken token) {
        this.token = token;
    }

    /** The public part, under which the hash is stored. */
    public String id() {
        return token.id();
    }

    public SecretHash hash() {
        return token.hash();
    }

    /** The whole secret, for the one answer that shows it; never stored or logged. */
    public String reveal() {
        return token.reveal();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + id() + ", secret=redacted]";
    }
}
