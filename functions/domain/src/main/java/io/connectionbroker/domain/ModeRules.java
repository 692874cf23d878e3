package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.ModeNotOffered;
import java.util.EnumSet;
import java.util.Set;

/** Which configuration modes a connection may use, and the rule that refuses a mode. */
final class ModeRules {
    private ModeRules() {
    }

    /**
     * @param destinationPlatform the destination's platform where it is known (a registered or local
     *                            destination), else null
     * @throws ModeNotOffered naming the first rule the mode breaks and listing the modes that are offered
     */
    static void checkAtInitiation(Mode mode, Instance initiator, License license, ConnectionType type,
                                  Platform destinationPlatform) {
        Set<Mode> offered = offered(initiator, license, type, destinationPlatform);
        if (offered.contains(mode)) {
            return;
        }
        String rule;
        if (!initiator.platform().offeredModes().contains(mode)) {
            rule = platformRule(initiator.platform(), "your instance runs");
        } else if (destinationPlatform != null && !destinationPlatform.offeredModes().contains(mode)) {
            rule = platformRule(destinationPlatform, "the destination instance runs");
        } else if (mode == Mode.VISUAL && type == ConnectionType.PRIVATE) {
            rule = "VISUAL mode is not offered for private connections, whose destination cannot be reached";
        } else if (!initiator.isPublic()) {
            rule = "SCRIPT mode needs an initiating instance that is public (reachable); yours is registered as private";
        } else {
            rule = "SCRIPT mode needs a TRIAL or PAID licence on the initiating instance; yours is " + license;
        }
        throw new ModeNotOffered(mode, rule, offered);
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
        Set<Mode> offered = EnumSet.copyOf(initiator.platform().offeredModes());
        if (destinationPlatform != null) {
            offered.retainAll(destinationPlatform.offeredModes());
        }
        if (type == ConnectionType.PRIVATE) {
            offered.remove(Mode.VISUAL);
        }
        if (!initiator.isPublic() || !license.allowsScript()) {
            offered.remove(Mode.SCRIPT);
        }
        return offered;
    }

    private static String platformRule(Platform platform, String whose) {
        return whose + " " + platform + ", which offers " + platform.offeredModes().stream().sorted().toList();
    }
}
