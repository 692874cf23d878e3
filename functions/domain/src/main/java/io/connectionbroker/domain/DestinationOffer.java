package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.ConnectionNotAllowed;
import io.connectionbroker.domain.refusal.ModeNotOffered;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What a connection from an instance to a destination may be: its type, what is known of the destination, and
 * for each mode whether it is offered or why not. Initiating a connection and checking a destination both
 * decide from this one rule set, so the wizard never offers what initiating then refuses.
 *
 * @param url        the destination's URL as normalised; null for a private destination
 * @param registered the instance registered at the URL: the initiator itself for a LOCAL destination, null for
 *                   a destination not registered yet and for a private one
 * @param platform   the destination's platform: the registered instance's, else the one whose host the URL is
 *                   on (registration accepts no other hosts); null for a private destination
 * @param reachable  whether requests can be pushed to the destination; null while it is not registered
 * @param blocked    why no connection to this destination can be made at all, or null
 * @param refusals   for each mode that is not offered, the first rule that keeps it, in words for the admin
 */
public record DestinationOffer(ConnectionType type, InstanceUrl url, Instance registered, Platform platform,
                               Boolean reachable, String blocked, Map<Mode, String> refusals) {

    /** Shared with accepting: however the destination is named, two private sides cannot connect. */
    static final String NEITHER_REACHABLE = "Both instances are registered as private (not reachable), so neither"
            + " could reach the other. One side of a connection must be public.";

    /** @param url the destination's URL, or null for a private destination ("I don't have a URL") */
    static DestinationOffer of(Instance initiator, Instant now, InstanceUrl url, ConnectionStore store) {
        ConnectionType type = url == null ? ConnectionType.PRIVATE
                : url.equals(initiator.url()) ? ConnectionType.LOCAL : ConnectionType.PUBLIC;
        Instance registered = switch (type) {
            case LOCAL -> initiator;
            case PUBLIC -> store.findInstanceByUrl(url).orElse(null);
            case PRIVATE -> null;
        };
        Platform platform = registered != null ? registered.platform() : url == null ? null : url.platform();
        Boolean reachable = type == ConnectionType.PRIVATE ? Boolean.FALSE
                : registered == null ? null : registered.isPublic();
        String blocked = null;
        if (type == ConnectionType.PRIVATE && !initiator.isPublic()) {
            blocked = "Your instance is registered as private (not reachable) and the destination has no URL, so"
                    + " neither side could reach the other. Give the destination's URL.";
        } else if (type == ConnectionType.PUBLIC && Boolean.FALSE.equals(reachable) && !initiator.isPublic()) {
            blocked = NEITHER_REACHABLE;
        }
        License license = initiator.licenseAt(now);
        Map<Mode, String> refusals = new EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
            String reason = blocked != null ? blocked
                    : ModeRules.reasonAgainst(mode, initiator, license, type, platform);
            if (reason != null) {
                refusals.put(mode, reason);
            }
        }
        return new DestinationOffer(type, url, registered, platform, reachable, blocked, Map.copyOf(refusals));
    }

    /** Whether the mode is offered; when not, {@link #reasonAgainst} says why. */
    public boolean offers(Mode mode) {
        return !refusals.containsKey(mode);
    }

    /** Why the mode is not offered, or null when it is. */
    public String reasonAgainst(Mode mode) {
        return refusals.get(mode);
    }

    public Set<Mode> offeredModes() {
        Set<Mode> offered = EnumSet.allOf(Mode.class);
        offered.removeAll(refusals.keySet());
        return offered;
    }

    /**
     * Whether the initiating admin may confirm on the destination themself (admin access): for a BASIC connection
     * to a destination with a URL, when BASIC is offered.
     */
    public boolean adminAccessOffered() {
        return offers(Mode.BASIC) && type != ConnectionType.PRIVATE;
    }

    /**
     * Refuses what initiating in {@code mode} would break, in the order an admin fixes it: a destination no
     * connection can reach, then the mode, then admin access.
     *
     * @throws ConnectionNotAllowed when no connection to the destination can be made, or admin access is not
     *                              offered for it
     * @throws ModeNotOffered       when the mode is not offered
     */
    void check(Mode mode, boolean adminAccess) {
        if (blocked != null) {
            throw new ConnectionNotAllowed(blocked);
        }
        if (!offers(mode)) {
            throw new ModeNotOffered(mode, reasonAgainst(mode), offeredModes());
        }
        if (adminAccess && mode != Mode.BASIC) {
            throw new ConnectionNotAllowed("Admin access is offered for BASIC connections only; this one is "
                    + mode + ". Leave adminAccess out and hand the invitation code to the other admin.");
        }
        if (adminAccess && type == ConnectionType.PRIVATE) {
            throw new ConnectionNotAllowed("Admin access is not offered for private connections: there is no"
                    + " destination URL to confirm at. Leave adminAccess out and hand over the invitation code.");
        }
    }
}
