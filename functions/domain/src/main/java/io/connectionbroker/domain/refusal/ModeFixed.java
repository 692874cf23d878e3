package io.connectionbroker.domain.refusal;

import io.connectionbroker.domain.Mode;

/** A Visual or Script connection asked to change mode: only Basic connections upgrade. */
public final class ModeFixed extends Refusal {
    public ModeFixed(Mode mode) {
        super("A " + mode + " connection keeps its mode: only BASIC connections upgrade. Create a new connection"
                + " in the mode you want.");
    }

    @Override
    public Kind kind() {
        return Kind.MODE_FIXED;
    }
}
