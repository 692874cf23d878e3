package io.connectionbroker.domain;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The helpdesk products an instance can run. Each offers its own configuration modes and serves every
 * account at {@code https://<account>.<host>}, so an instance's URL says which platform it runs: the caller's
 * word is not needed, nor trusted.
 */
public enum Platform {
    ZENDESK("zendesk.com", EnumSet.of(Mode.BASIC, Mode.VISUAL, Mode.SCRIPT)),
    FRESHDESK("freshdesk.com", EnumSet.of(Mode.BASIC, Mode.SCRIPT)),
    FRESHSERVICE("freshservice.com", EnumSet.of(Mode.BASIC, Mode.SCRIPT));

    private final String host;
    private final Set<Mode> modes;

    Platform(String host, Set<Mode> modes) {
        this.host = host;
        this.modes = modes;
    }

    public Set<Mode> offeredModes() {
        return EnumSet.copyOf(modes);
    }

    /** The domain under which the platform serves its accounts, for example {@code zendesk.com}. */
    public String host() {
        return host;
    }

    /** The platform whose accounts live directly under {@code domain}, if any. */
    static Optional<Platform> servingAccountsUnder(String domain) {
        for (Platform platform : values()) {
            if (platform.host.equals(domain)) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }
}
