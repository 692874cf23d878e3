package io.connectionbroker.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A credential for a helpdesk's own REST API, sent to prove that whoever registers an instance administers
 * it. It is used for one call to that helpdesk and never stored, logged or shown: {@link #toString()} names
 * the kind only.
 */
public sealed interface Proof {
    /** Far above any real token; the bound keeps a huge value from being sent on. */
    int PART_MAX = 2048;
    /** Each part of a proof, as the document states it: visible ASCII, as the helpdesk issued it. */
    String PART_PATTERN = "^[!-~]{1," + PART_MAX + "}$";

    Kind kind();

    /** The kinds of credential each platform's API takes. */
    enum Kind {
        /** Zendesk: an agent's email address and an API token, sent as Basic {@code email/token:token}. */
        API_TOKEN,
        /** Freshdesk and Freshservice: the agent's API key, sent as Basic {@code apiKey:X}. */
        API_KEY,
        /** Any platform: an OAuth access token, sent as Bearer. */
        OAUTH;

        /** The kinds the platform's API takes. */
        public static Set<Kind> takenBy(Platform platform) {
            return platform == Platform.ZENDESK ? EnumSet.of(API_TOKEN, OAUTH) : EnumSet.of(API_KEY, OAUTH);
        }
    }

    record ApiToken(String email, String token) implements Proof {
        @Override
        public Kind kind() {
            return Kind.API_TOKEN;
        }

        @Override
        public String toString() {
            return "ApiToken[redacted]";
        }
    }

    record ApiKey(String apiKey) implements Proof {
        @Override
        public Kind kind() {
            return Kind.API_KEY;
        }

        @Override
        public String toString() {
            return "ApiKey[redacted]";
        }
    }

    record OAuth(String accessToken) implements Proof {
        @Override
        public Kind kind() {
            return Kind.OAUTH;
        }

        @Override
        public String toString() {
            return "OAuth[redacted]";
        }
    }
}
