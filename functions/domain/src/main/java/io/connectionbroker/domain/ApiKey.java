package io.connectionbroker.domain;

import java.util.Optional;

/** The key an instance's app authenticates with. Shown once at registration; only its hash is stored. */
public final class ApiKey extends IssuedToken {
    static final String PREFIX = "cbk";
    private static final String WHAT = "an API key";

    private ApiKey(SecretToken token) {
        super(token);
    }

    public static ApiKey issue(Entropy entropy) {
        return new ApiKey(SecretToken.issue(PREFIX, entropy));
    }

    /** Empty, with the reason in {@code whyNot}, when the text cannot be a key. */
    static Optional<ApiKey> parse(String text, StringBuilder whyNot) {
        try {
            return Optional.of(new ApiKey(SecretToken.parse(PREFIX, WHAT, text)));
        } catch (SecretToken.Malformed e) {
            whyNot.append(e.getMessage());
            return Optional.empty();
        }
    }
}
