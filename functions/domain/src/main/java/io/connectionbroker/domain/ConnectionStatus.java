package io.connectionbroker.domain;

/** PENDING until the invitation is accepted, ACTIVE after; EXPIRED once the invitation lapsed unaccepted. */
public enum ConnectionStatus {
    PENDING, ACTIVE, EXPIRED
}
