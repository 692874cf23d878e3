package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.ModeNotOffered;
import java.util.EnumSet;
import java.util.Set;

/** Which configuration modes a connection may use, and the rule that refuses a mode. */
final class ModeRules {
    private ModeRules() {
    }

    /**
     * @param destinationPlatform the destination's platform where it is known, else null (a private destination)
     * @throws ModeNotOffered naming the first rule the mode breaks and listing the modes that are offered
     */
    static void checkAtInitiation(Mode mode, Instance initiator, License license, ConnectionType type,
                                  Platform destinationPlatform) {
        String rule = reasonAgainst(mode, initiator, license, type, destinationPlatform);
        if (rule != null) {
            throw new ModeNotOffered(mode, rule, offered(initiator, license, type, destinationPlatform));
        }
    }

    /** The first rule that keeps the mode from a connection so initiated, in words for the admin; null if none. */
    static String reasonAgainst(Mode mode, Instance initiator, License license, ConnectionType type,
                                Platform destinationPlatform) {
        if (!initiator.platform().offeredModes().contains(mode)) {
            return platformRule(initiator.platform(), "your instance runs");
        }
        if (destinationPlatform != null && !destinationPlatform.offeredModes().contains(mode)) {
            return platformRule(destinationPlatform, "the destination instance runs");
        }
        if (mode == Mode.VISUAL && type == ConnectionType.PRIVATE) {
            return "VISUAL mode is not offered for private connections, whose destination cannot be reached";
        }
        if (mode == Mode.SCRIPT && !initiator.isPublic()) {
            return "SCRIPT mode needs an initiating instance that is public (reachable); yours is registered as private";
        }
        if (mode == Mode.SCRIPT && !license.allowsScript()) {
            return "SCRIPT mode needs a TRIAL or PAID licence on the initiating instance; yours is " + license;
        }
        return null;
    }

    /** @throws ModeNotOffered when the accepting instance's platform does not offer the connection's mode */
    static void checkAtAcceptance(Mode mode, Platform acceptorPlatform) {
        if (!acceptorPlatform.offeredModes().contains(mode)) {
            throw new ModeNotOffered(mode, platformRule(acceptorPlatform, "your instance runs")
                    + "; the mode is fixed once the connection exists, so ask the initiator for a connection in"
                    + " an offered mode", acceptorPlatform.offeredModes());
        }
    }

    static Set<Mode> offered(Instance initiator, License license, ConnectionType type, Platform destinationPlatform) {
        Set<Mode> offered = EnumSet.noneOf(Mode.class);
        for (Mode mode : Mode.values()) {
            if (reasonAgainst(mode, initiator, license, type, destinationPlatform) == null) {
                offered.add(mode);
            }
        }
        return offered;
    }

    private static String platformRule(Platform platform, String whose) {
        return whose + " " + platform + ", which offers " + platform.offeredModes().stream().sorted().toList();
    }
}
