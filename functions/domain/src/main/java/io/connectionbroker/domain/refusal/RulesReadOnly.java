package io.connectionbroker.domain.refusal;

/** An attempt to change the fixed rules of a Basic connection. */
public final class RulesReadOnly extends Refusal {
    public RulesReadOnly() {
        super("A BASIC connection's rules are fixed and cannot be changed. Upgrade the connection to VISUAL or"
                + " SCRIPT to edit its rules.");
    }

    @Override
    public Kind kind() {
        return Kind.RULES_READ_ONLY;
    }
}
