package io.connectionbroker.domain;

/**
 * Where the destination lives: at a URL we can reach (PUBLIC), in a closed network that starts every
 * request itself (PRIVATE), or on the initiating instance itself (LOCAL, two projects of one instance).
 */
public enum ConnectionType {
    PUBLIC, PRIVATE, LOCAL
}
