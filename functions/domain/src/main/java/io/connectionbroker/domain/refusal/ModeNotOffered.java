package io.connectionbroker.domain.refusal;

import io.connectionbroker.domain.Mode;
import java.util.List;
import java.util.Set;

/** A configuration mode the product does not offer for this connection, naming the rule and what is offered. */
public final class ModeNotOffered extends Refusal {
    private final Mode requested;
    private final String rule;
    private final List<Mode> offeredModes;

    public ModeNotOffered(Mode requested, String rule, Set<Mode> offeredModes) {
        super(requested + " mode is not offered here: " + rule + ". Offered modes: "
                + (offeredModes.isEmpty() ? "none" : offeredModes.stream().sorted().map(Enum::name).toList()) + ".");
        this.requested = requested;
        this.rule = rule;
        this.offeredModes = offeredModes.stream().sorted().toList();
    }

    public Mode requested() {
        return requested;
    }

    public String rule() {
        return rule;
    }

    public List<Mode> offeredModes() {
        return offeredModes;
    }

    @Override
    public Kind kind() {
        return Kind.MODE_NOT_OFFERED;
    }
}
