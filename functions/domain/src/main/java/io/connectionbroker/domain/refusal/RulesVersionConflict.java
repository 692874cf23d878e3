package io.connectionbroker.domain.refusal;

/** Rules sent with a version that is no longer the current one: someone changed them meanwhile. */
public final class RulesVersionConflict extends Refusal {
    private final int currentVersion;

    public RulesVersionConflict(int sentVersion, int currentVersion) {
        super("The rules were changed since version " + sentVersion + "; they are at version " + currentVersion
                + " now. Read them again, apply your change to them and send it with version " + currentVersion + ".");
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }

    @Override
    public Kind kind() {
        return Kind.RULES_VERSION_CONFLICT;
    }
}
