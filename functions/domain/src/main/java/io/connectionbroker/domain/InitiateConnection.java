package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.ConnectionNotFound;
import io.connectionbroker.domain.refusal.ConnectionStateConflict;
import io.connectionbroker.domain.refusal.FieldErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Starts a connection from the caller's instance and issues the one-time invitation code for the other side. */
public final class InitiateConnection {
    /** How long an invitation code stays valid unless configured otherwise. */
    public static final Duration DEFAULT_INVITATION_LIFETIME = Duration.ofHours(72);
    /** How long the code of an admin-access confirmation URL stays valid: the admin confirms right away. */
    public static final Duration ADMIN_ACCESS_LIFETIME = Duration.ofMinutes(15);

    private final ConnectionStore store;
    private final ViewConnection view;
    private final Clock clock;
    private final Entropy entropy;
    private final Duration invitationLifetime;
    private final AppUrls appUrls;

    public InitiateConnection(ConnectionStore store, Clock clock, Entropy entropy, Duration invitationLifetime) {
        this(store, clock, entropy, invitationLifetime, AppUrls.defaults());
    }

    /** @param appUrls where the destination's app takes its admin to confirm an admin-access connection */
    public InitiateConnection(ConnectionStore store, Clock clock, Entropy entropy, Duration invitationLifetime,
                              AppUrls appUrls) {
        if (invitationLifetime.isNegative() || invitationLifetime.isZero()) {
            throw new IllegalArgumentException("the invitation lifetime must be positive, not " + invitationLifetime);
        }
        this.store = store;
        this.view = new ViewConnection(store, clock);
        this.clock = clock;
        this.entropy = entropy;
        this.invitationLifetime = invitationLifetime;
        this.appUrls = appUrls;
    }

    /**
     * @param destinationUrl     the destination instance's URL, or null for a private destination
     * @param privateDestination true when the admin has no URL for the destination ("I don't have a URL")
     * @param adminAccess        true when the initiating admin also administers the destination (BASIC only):
     *                           the answer is a URL on the destination to confirm at, not a code to hand over
     */
    public record Command(String destinationUrl, boolean privateDestination, Mode mode, String localShortName,
                          String remoteShortName, String name, String description, String project,
                          boolean adminAccess) {

        public Command(String destinationUrl, boolean privateDestination, Mode mode, String localShortName,
                       String remoteShortName, String name, String description, String project) {
            this(destinationUrl, privateDestination, mode, localShortName, remoteShortName, name, description,
                    project, false);
        }
    }

    /**
     * The new connection and its invitation code, which is shown this once.
     *
     * @param confirmUrl for admin access, where the destination's app takes its admin to confirm (it carries the
     *                   code; see {@link AppUrls}); otherwise null
     */
    public record Initiated(Connection connection, InvitationCode code, String confirmUrl) {
        Initiated(Connection connection, InvitationCode code) {
            this(connection, code, null);
        }
    }

    /**
     * A new invitation code for a PENDING or EXPIRED connection, by its source; the previous code stops
     * working at once. Refuses with {@link ConnectionNotFound} when the caller is not the connection's source,
     * with {@link ConnectionStateConflict} when the connection is not PENDING or EXPIRED.
     */
    public Decision<Initiated> reinvite(Instance initiator, String connectionId) {
        return Decision.of(() -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Connection current = view.view(initiator, connectionId);
            if (!initiator.id().equals(current.source().instanceId())) {
                return Decision.refuse(new ConnectionNotFound());
            }
            if (current.status() != ConnectionStatus.PENDING && current.status() != ConnectionStatus.EXPIRED) {
                return Decision.refuse(new ConnectionStateConflict("Only a PENDING or EXPIRED connection can be"
                        + " invited again; this one is " + current.status() + ".", current.status()));
            }
            InvitationCode code = InvitationCode.issue(entropy);
            Instant expiresAt = now.plus(invitationLifetime);
            Connection reinvited = current.reinvited(code.id(), expiresAt, now);
            return Decision.change(new Initiated(reinvited, code), (kept, actor) -> store.replaceInvitation(reinvited,
                            current.invitationId(), current.invitationExpiresAt(),
                            Invitation.open(code, connectionId, expiresAt), java.util.List.of(
                                    Event.about(reinvited, EventType.INVITATION_REISSUED, actor, now,
                                            Event.data("invitationExpiresAt", expiresAt))), kept),
                    () -> view.keptChanging(initiator, connectionId, "Look at it again before inviting."));
        });
    }

    /** Decides a new PENDING connection, its invitation and its mode's default rules. */
    public Decision<Initiated> initiate(Instance initiator, Command command) {
        return Decision.of(() -> decideInitiation(initiator, command));
    }

    /** What a new connection's event says: everything the initiator chose, and never the code. */
    private static java.util.Map<String, Object> initiatedData(Connection connection) {
        return Event.data("type", connection.type(), "mode", connection.mode(), "name", connection.name(),
                "description", connection.description(), "sourceShortName", connection.source().shortName(),
                "destinationShortName", connection.destination().shortName(),
                "destinationUrl", connection.destination().url(), "invitationExpiresAt",
                connection.invitationExpiresAt());
    }

    private Decision<Initiated> decideInitiation(Instance initiator, Command command) {
        FieldErrors checks = new FieldErrors();
        if (!command.privateDestination() && (command.destinationUrl() == null || command.destinationUrl().isBlank())) {
            checks.reject("destination.url", "is required: the destination instance's https URL, for example"
                    + " https://acme.zendesk.com, or send {\"private\": true} instead");
        }
        checks.required("mode", command.mode(), "one of BASIC, VISUAL, SCRIPT");
        String localShortName = checks.valid(() -> Texts.shortName("localShortName", command.localShortName()));
        String remoteShortName = checks.valid(() -> Texts.shortName("remoteShortName", command.remoteShortName()));
        String name = checks.valid(() -> Texts.optionalLine("name", command.name(), Texts.NAME_MAX));
        String description = checks.valid(() -> Texts.description("description", command.description()));
        String project = checks.valid(() -> Texts.requiredLine("project", command.project(), Texts.PROJECT_MAX,
                "where your instance puts items that arrive through this connection"));
        checks.throwIfInvalid();
        InstanceUrl destinationUrl = command.privateDestination() ? null
                : InstanceUrl.parse("destination.url", command.destinationUrl());

        DestinationOffer offer = DestinationOffer.of(initiator, clock.instant(), destinationUrl, store);
        offer.check(command.mode(), command.adminAccess());
        ConnectionType type = offer.type();

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = now.plus(command.adminAccess() ? ADMIN_ACCESS_LIFETIME : invitationLifetime);
        Side source = new Side(initiator.id(), initiator.url(), initiator.platform(), localShortName, project,
                initiator.isPublic());
        Side destination = new Side(null, destinationUrl, offer.platform(), remoteShortName, null, offer.reachable());
        InvitationCode code = InvitationCode.issue(entropy);
        Connection connection = new Connection(entropy.uuid().toString(), ConnectionStatus.PENDING, type,
                command.mode(), name != null ? name : localShortName + "_to_" + remoteShortName, description,
                source, destination, code.id(), expiresAt, now, now, Connection.FIRST_VERSION);
        Initiated initiated = new Initiated(connection, code, command.adminAccess()
                ? appUrls.confirmUrl(destinationUrl, offer.platform(), connection.id(), code) : null);
        // A new connection's id is new: its commit conflicts with nothing but the Idempotency-Key.
        return Decision.change(initiated, (kept, actor) -> {
            store.createConnection(connection, Invitation.open(code, connection.id(), expiresAt),
                    DefaultRules.forMode(command.mode()), java.util.List.of(Event.about(connection,
                            EventType.CONNECTION_INITIATED, actor, now, initiatedData(connection))), kept);
            return true;
        }, () -> {
            throw new IllegalStateException("a new connection's commit cannot lose");
        });
    }
}
