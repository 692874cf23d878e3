package io.connectionbroker.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A registered helpdesk instance.
 *
 * @param license     the licence the operator set, or TRIAL from registration until {@code trialEndsAt}
 * @param trialEndsAt when the trial every new instance starts on ends (null for instances registered before
 *                    trials); see {@link #licenseAt}
 * @param isPublic    false when the instance sits in a private network and cannot be reached from outside
 */
public record Instance(String id, InstanceUrl url, Platform platform, License license, Instant trialEndsAt,
                       boolean isPublic, Instant createdAt) {
    /** The seeds: "Script — 30-day trial". */
    public static final Duration TRIAL = Duration.ofDays(30);

    /** The same instance at another URL. */
    public Instance withUrl(InstanceUrl moved) {
        return new Instance(id, moved, platform, license, trialEndsAt, isPublic, createdAt);
    }

    /** The same instance with another licence, and the trial ending at {@code trialEndsAt} when that is given. */
    public Instance withLicense(License changed, Instant trialEnds) {
        return new Instance(id, url, platform, changed, trialEnds != null ? trialEnds : trialEndsAt, isPublic,
                createdAt);
    }

    /** The licence in force at {@code now}: a trial that has ended is FREE until the operator sets another. */
    public License licenseAt(Instant now) {
        return license == License.TRIAL && trialEndsAt != null && !now.isBefore(trialEndsAt) ? License.FREE : license;
    }
}
