package io.connectionbroker.domain;

/** How a connection's sync rules are configured: fixed rules, low-code for both sides, or scripts per side. */
public enum Mode {
    BASIC, VISUAL, SCRIPT
}
