package io.connectionbroker.domain;

/**
 * PENDING until the invitation is accepted, ACTIVE after; EXPIRED once the invitation lapsed unaccepted.
 * DECLINED when the invited side turned the invitation down. An ACTIVE connection can be DEACTIVATED
 * (nothing syncs) and activated again.
 */
public enum ConnectionStatus {
    PENDING, ACTIVE, EXPIRED, DECLINED, DEACTIVATED
}
