package io.connectionbroker.domain;

import java.util.EnumSet;
import java.util.Set;

/** The helpdesk products an instance can run. Each offers its own configuration modes. */
public enum Platform {
    ZENDESK(EnumSet.of(Mode.BASIC, Mode.VISUAL, Mode.SCRIPT)),
    FRESHDESK(EnumSet.of(Mode.BASIC, Mode.SCRIPT)),
    FRESHSERVICE(EnumSet.of(Mode.BASIC, Mode.SCRIPT));

    private final Set<Mode> modes;

    Platform(Set<Mode> modes) {
        this.modes = modes;
    }

    public Set<Mode> offeredModes() {
        return EnumSet.copyOf(modes);
    }
}
