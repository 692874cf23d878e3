package io.connectionbroker.web.document;

/**
 * The documented problem answers operations share, for {@code @ApiResponse(ref = ...)}: references to the
 * responses in the OpenAPI document's components (functions/openapi/src/main/openapi/problems.yml).
 */
public final class ProblemResponses {
    private static final String RESPONSES = "#/components/responses/";
    public static final String INVALID_REQUEST = RESPONSES + "InvalidRequest";
    public static final String INVALID_CODE = RESPONSES + "InvalidCode";
    public static final String UNAUTHENTICATED = RESPONSES + "Unauthenticated";
    public static final String INVITATION_NOT_FOR_CALLER = RESPONSES + "InvitationNotForCaller";
    public static final String CONNECTION_NOT_FOUND = RESPONSES + "ConnectionNotFound";
    public static final String INVITATION_NOT_FOUND = RESPONSES + "InvitationNotFound";
    public static final String INSTANCE_ALREADY_REGISTERED = RESPONSES + "InstanceAlreadyRegistered";
    public static final String INVITATION_ALREADY_USED = RESPONSES + "InvitationAlreadyUsed";
    public static final String CONNECTION_STATE_CONFLICT = RESPONSES + "ConnectionStateConflict";
    public static final String RULES_VERSION_CONFLICT = RESPONSES + "RulesVersionConflict";
    public static final String CONNECTION_CHANGED = RESPONSES + "ConnectionChanged";
    public static final String PRECONDITION_REQUIRED = RESPONSES + "PreconditionRequired";
    public static final String INVITATION_GONE = RESPONSES + "InvitationGone";
    public static final String PAYLOAD_TOO_LARGE = RESPONSES + "PayloadTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = RESPONSES + "UnsupportedMediaType";
    public static final String CONNECTION_REFUSED = RESPONSES + "ConnectionRefused";
    public static final String UNSUPPORTED_INSTANCE_URL = RESPONSES + "UnsupportedInstanceUrl";
    public static final String MODE_NOT_OFFERED = RESPONSES + "ModeNotOffered";
    public static final String RULES_READ_ONLY = RESPONSES + "RulesReadOnly";
    public static final String UPGRADE_REFUSED = RESPONSES + "UpgradeRefused";
    public static final String INVITATION_LOCKED = RESPONSES + "InvitationLocked";
    public static final String KEY_NOT_FOUND = RESPONSES + "KeyNotFound";
    public static final String LAST_KEY = RESPONSES + "LastKey";
    public static final String KEY_LIMIT_REACHED = RESPONSES + "KeyLimitReached";
    public static final String IDEMPOTENCY_KEY_REUSED = RESPONSES + "IdempotencyKeyReused";
    public static final String TEMPORARILY_UNAVAILABLE = RESPONSES + "TemporarilyUnavailable";
    public static final String NOT_AN_ADMINISTRATOR = RESPONSES + "NotAnAdministrator";
    public static final String REGISTRATION_REFUSED = RESPONSES + "RegistrationRefused";
    public static final String REGISTRATION_UNAVAILABLE = RESPONSES + "RegistrationUnavailable";
    public static final String OPERATOR_ONLY = RESPONSES + "OperatorOnly";
    public static final String INSTANCE_NOT_FOUND = RESPONSES + "InstanceNotFound";
    public static final String INSTANCE_NOT_REGISTERED = RESPONSES + "InstanceNotRegistered";

    private ProblemResponses() {
    }
}
