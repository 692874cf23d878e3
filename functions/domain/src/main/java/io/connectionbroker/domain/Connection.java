package io.connectionbroker.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A connection between two helpdesk instances (or two projects of one).
 *
 * @param invitationId the public id of the connection's current invitation code (not a secret)
 * @param status the stored status: PENDING, ACTIVE, DECLINED or DEACTIVATED. EXPIRED is not stored; see
 *               {@link #asSeenAt(Instant)}.
 * @param version how many times the connection was written, 1 when new: each change is one more, and the
 *                store writes it only while the stored connection is still the version it was decided from
 */
public record Connection(String id, ConnectionStatus status, ConnectionType type, Mode mode, String name,
                         String description, Side source, Side destination, String invitationId,
                         Instant invitationExpiresAt, Instant createdAt, Instant updatedAt, long version) {

    /** The version a new connection is stored with. */
    public static final long FIRST_VERSION = 1;

    /** The version this change was decided from: the store writes it only over that version. */
    public long decidedFrom() {
        return version - 1;
    }

    /** Whether the instance is one of the two sides. The destination becomes a side when it accepts. */
    public boolean hasSide(String instanceId) {
        return Objects.equals(source.instanceId(), instanceId)
                || (destination.instanceId() != null && destination.instanceId().equals(instanceId));
    }

    /** Which end of a connection an instance is. */
    public enum End {
        SOURCE, DESTINATION
    }

    /**
     * Which side the instance is, of the two sides or the invited destination: the source also for a LOCAL
     * connection, whose two sides are one instance.
     */
    public End sideOf(String instanceId) {
        return Objects.equals(source.instanceId(), instanceId) ? End.SOURCE : End.DESTINATION;
    }

    /** When the invitation lapses while it is unanswered (PENDING or EXPIRED); null once it was answered. */
    public Instant invitationOpenUntil() {
        return status == ConnectionStatus.PENDING || status == ConnectionStatus.EXPIRED ? invitationExpiresAt : null;
    }

    /**
     * Whether anything may be pushed to the destination. Never for a private connection: its destination
     * sits in a closed network and starts every request itself.
     */
    public boolean pushesToDestination() {
        return Boolean.TRUE.equals(destination.reachable());
    }

    /** This connection as a caller sees it now: a pending invitation that lapsed shows as EXPIRED. */
    public Connection asSeenAt(Instant now) {
        if (status == ConnectionStatus.PENDING && !now.isBefore(invitationExpiresAt)) {
            return new Connection(id, ConnectionStatus.EXPIRED, type, mode, name, description, source, destination,
                    invitationId, invitationExpiresAt, createdAt, updatedAt, version);
        }
        return this;
    }

    Connection reinvited(String newInvitationId, Instant expiresAt, Instant at) {
        return new Connection(id, ConnectionStatus.PENDING, type, mode, name, description, source, destination,
                newInvitationId, expiresAt, createdAt, at, version + 1);
    }

    Connection withMode(Mode newMode, Instant at) {
        return new Connection(id, status, type, newMode, name, description, source, destination, invitationId,
                invitationExpiresAt, createdAt, at, version + 1);
    }

    Connection edited(String newName, String newDescription, Instant at) {
        return new Connection(id, status, type, mode, newName, newDescription, source, destination, invitationId,
                invitationExpiresAt, createdAt, at, version + 1);
    }

    Connection withStatus(ConnectionStatus newStatus, Instant at) {
        return new Connection(id, newStatus, type, mode, name, description, source, destination, invitationId,
                invitationExpiresAt, createdAt, at, version + 1);
    }

    Connection acceptedBy(Instance acceptor, String project, Instant at) {
        Side accepted = new Side(acceptor.id(), acceptor.url(), acceptor.platform(), destination.shortName(), project,
                type != ConnectionType.PRIVATE && acceptor.isPublic());
        return new Connection(id, ConnectionStatus.ACTIVE, type, mode, name, description, source, accepted,
                invitationId, invitationExpiresAt, createdAt, at, version + 1);
    }
}
