package io.connectionbroker.domain;

/** The licence an instance's app runs under. */
public enum License {
    FREE, TRIAL, PAID;

    /** Script mode runs customer rules on our side, so it is a paid feature (trials included). */
    boolean allowsScript() {
        return this != FREE;
    }
}
