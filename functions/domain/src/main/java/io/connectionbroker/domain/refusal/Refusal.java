package io.connectionbroker.domain.refusal;

/**
 * A request the product refuses, with a message an admin can act on. The family is closed: each permitted
 * class is one kind of refusal ({@link Kind}), and the HTTP edge maps every kind to its status in one
 * exhaustive {@code switch}, so a kind without a status does not compile. Refusals only the edge knows (a
 * body too large) live at the edge. Refusals carry no stack trace: they are answers, not faults.
 */
public abstract sealed class Refusal extends RuntimeException permits
        ConnectionChanged,
        ConnectionNotAllowed,
        ConnectionNotFound,
        ConnectionStateConflict,
        HelpdeskUnavailable,
        IdempotencyKeyReused,
        InstanceAlreadyRegistered,
        InstanceNotFound,
        InstanceNotRegistered,
        InvalidRequest,
        InvitationAlreadyUsed,
        InvitationCodeMalformed,
        InvitationDeclined,
        InvitationExpired,
        InvitationLocked,
        InvitationNotForCaller,
        InvitationNotFound,
        KeyLimitReached,
        KeyNotFound,
        LastKey,
        ModeFixed,
        ModeNotOffered,
        NotAnAdministrator,
        OperatorOnly,
        OwnershipNotProven,
        PlatformMismatch,
        PreconditionRequired,
        RulesReadOnly,
        RulesVersionConflict,
        StoreUnavailable,
        Unauthenticated,
        UnsupportedInstanceUrl {

    /** Each kind of refusal, with its stable, URL-safe name and a short, fixed summary. */
    public enum Kind {
        CONNECTION_CHANGED("connection-changed",
                "The connection changed since it was read"),
        CONNECTION_NOT_ALLOWED("connection-not-allowed",
                "This connection cannot be set up"),
        CONNECTION_NOT_FOUND("connection-not-found",
                "Connection not found"),
        CONNECTION_STATE_CONFLICT("connection-state-conflict",
                "The connection's status does not allow this"),
        HELPDESK_UNAVAILABLE("helpdesk-unavailable",
                "The helpdesk did not answer in time"),
        IDEMPOTENCY_KEY_REUSED("idempotency-key-reused",
                "This Idempotency-Key was used for another request"),
        INSTANCE_ALREADY_REGISTERED("instance-already-registered",
                "The instance is already registered"),
        INSTANCE_NOT_FOUND("instance-not-found",
                "The instance was not found"),
        INSTANCE_NOT_REGISTERED("instance-not-registered",
                "No instance is registered at this URL"),
        INVALID_REQUEST("invalid-request",
                "The request has invalid fields"),
        INVITATION_ALREADY_USED("invitation-already-used",
                "The invitation has already been used"),
        INVITATION_CODE_MALFORMED("invitation-code-malformed",
                "The invitation code is malformed"),
        INVITATION_DECLINED("invitation-declined",
                "The invitation was declined"),
        INVITATION_EXPIRED("invitation-expired",
                "The invitation has expired"),
        INVITATION_LOCKED("invitation-locked",
                "The invitation is locked for a while"),
        INVITATION_NOT_FOR_CALLER("invitation-not-for-caller",
                "The invitation is for another instance"),
        INVITATION_NOT_FOUND("invitation-not-found",
                "Invitation not found"),
        KEY_LIMIT_REACHED("key-limit-reached",
                "The instance has as many API keys as it may"),
        KEY_NOT_FOUND("key-not-found",
                "API key not found"),
        LAST_KEY("last-key",
                "The last API key cannot be revoked"),
        MODE_FIXED("mode-fixed",
                "The connection's mode cannot change"),
        MODE_NOT_OFFERED("mode-not-offered",
                "The configuration mode is not offered for this connection"),
        NOT_AN_ADMINISTRATOR("not-an-administrator",
                "The credential is not an administrator's"),
        OPERATOR_ONLY("operator-only",
                "Only the operator may make this call"),
        OWNERSHIP_NOT_PROVEN("ownership-not-proven",
                "The helpdesk did not confirm the credential"),
        PLATFORM_MISMATCH("platform-mismatch",
                "The platform does not match the instance URL"),
        PRECONDITION_REQUIRED("precondition-required",
                "Send the ETag of your last read in If-Match"),
        RULES_READ_ONLY("rules-read-only",
                "These rules cannot be changed"),
        RULES_VERSION_CONFLICT("rules-version-conflict",
                "The rules were changed meanwhile"),
        TEMPORARILY_UNAVAILABLE("temporarily-unavailable",
                "The service is busy; try again shortly"),
        UNAUTHENTICATED("unauthenticated",
                "An instance API key is required"),
        UNSUPPORTED_INSTANCE_URL("unsupported-instance-url",
                "The URL is not a helpdesk instance's URL");

        private final String slug;
        private final String title;

        Kind(String slug, String title) {
            this.slug = slug;
            this.title = title;
        }

        /** A stable, URL-safe name of this kind of refusal, for example {@code invitation-expired}. */
        public String slug() {
            return slug;
        }

        /** A short, fixed summary of this kind of refusal. */
        public String title() {
            return title;
        }
    }

    protected Refusal(String detail) {
        super(detail, null, false, false);
    }

    public abstract Kind kind();

    /** What went wrong in this case and what to do about it. */
    public String detail() {
        return getMessage();
    }
}
