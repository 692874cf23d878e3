package io.connectionbroker.domain;

/** A Visual or Script connection asked to change mode: only Basic connections upgrade. */
public final class ModeFixed extends Refusal {
    public ModeFixed(Mode mode) {
        super("A " + mode + " connection keeps its mode: only BASIC connections upgrade. Create a new connection"
                + " in the mode you want.");
    }

    @Override
    public String kind() {
        return "mode-fixed";
    }

    @Override
    public String title() {
        return "The connection's mode cannot change";
    }
}
