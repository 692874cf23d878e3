package io.connectionbroker.domain;

/**
 * A request the product refuses, with a message an admin can act on. Each subclass is one kind of refusal
 * with a stable {@link #kind()}; the HTTP edge maps each kind to a status and a problem type in one place.
 * Refusals carry no stack trace: they are answers, not faults.
 */
public abstract class Refusal extends RuntimeException {
    protected Refusal(String detail) {
        super(detail, null, false, false);
    }

    /** A stable, URL-safe name of this kind of refusal, for example {@code invitation-expired}. */
    public abstract String kind();

    /** A short, fixed summary of this kind of refusal. */
    public abstract String title();

    /** What went wrong in this case and what to do about it. */
    public String detail() {
        return getMessage();
    }
}
