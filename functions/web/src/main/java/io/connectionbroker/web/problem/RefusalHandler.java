package io.connectionbroker.web.problem;

import io.connectionbroker.domain.refusal.ConnectionNotAllowed;
import io.connectionbroker.domain.refusal.ConnectionNotFound;
import io.connectionbroker.domain.refusal.ConnectionStateConflict;
import io.connectionbroker.domain.refusal.FieldError;
import io.connectionbroker.domain.refusal.HelpdeskUnavailable;
import io.connectionbroker.domain.refusal.IdempotencyKeyReused;
import io.connectionbroker.domain.refusal.InstanceAlreadyRegistered;
import io.connectionbroker.domain.refusal.InstanceNotFound;
import io.connectionbroker.domain.refusal.InstanceNotRegistered;
import io.connectionbroker.domain.refusal.InvalidRequest;
import io.connectionbroker.domain.refusal.InvitationAlreadyUsed;
import io.connectionbroker.domain.refusal.InvitationCodeMalformed;
import io.connectionbroker.domain.refusal.InvitationDeclined;
import io.connectionbroker.domain.refusal.InvitationExpired;
import io.connectionbroker.domain.refusal.InvitationLocked;
import io.connectionbroker.domain.refusal.InvitationNotForCaller;
import io.connectionbroker.domain.refusal.InvitationNotFound;
import io.connectionbroker.domain.refusal.KeyLimitReached;
import io.connectionbroker.domain.refusal.KeyNotFound;
import io.connectionbroker.domain.refusal.LastKey;
import io.connectionbroker.domain.refusal.ModeFixed;
import io.connectionbroker.domain.refusal.ModeNotOffered;
import io.connectionbroker.domain.refusal.NotAnAdministrator;
import io.connectionbroker.domain.refusal.OperatorOnly;
import io.connectionbroker.domain.refusal.OwnershipNotProven;
import io.connectionbroker.domain.refusal.PlatformMismatch;
import io.connectionbroker.domain.refusal.Refusal;
import io.connectionbroker.domain.refusal.RulesReadOnly;
import io.connectionbroker.domain.refusal.RulesVersionConflict;
import io.connectionbroker.domain.refusal.StoreUnavailable;
import io.connectionbroker.domain.refusal.Unauthenticated;
import io.connectionbroker.domain.refusal.UnsupportedInstanceUrl;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one place where each kind of refusal gets its HTTP status and problem body. */
@Produces(Problems.CONTENT_TYPE)
@Singleton
public class RefusalHandler implements ExceptionHandler<Refusal, HttpResponse<?>> {

    /**
     * The status each kind of refusal is answered with. Exhaustive, with no default: a kind without a status
     * does not compile.
     */
    public static HttpStatus statusOf(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID_REQUEST, INVITATION_CODE_MALFORMED -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case INVITATION_NOT_FOR_CALLER, NOT_AN_ADMINISTRATOR, OPERATOR_ONLY -> HttpStatus.FORBIDDEN;
            case CONNECTION_NOT_FOUND, INSTANCE_NOT_FOUND, INSTANCE_NOT_REGISTERED, INVITATION_NOT_FOUND,
                    KEY_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONNECTION_STATE_CONFLICT, INSTANCE_ALREADY_REGISTERED, INVITATION_ALREADY_USED,
                    KEY_LIMIT_REACHED, LAST_KEY, RULES_VERSION_CONFLICT -> HttpStatus.CONFLICT;
            case INVITATION_DECLINED, INVITATION_EXPIRED -> HttpStatus.GONE;
            case CONNECTION_CHANGED -> HttpStatus.PRECONDITION_FAILED;
            case PRECONDITION_REQUIRED -> HttpStatus.PRECONDITION_REQUIRED;
            case CONNECTION_NOT_ALLOWED, IDEMPOTENCY_KEY_REUSED, MODE_FIXED, MODE_NOT_OFFERED,
                    OWNERSHIP_NOT_PROVEN, PLATFORM_MISMATCH, RULES_READ_ONLY, UNSUPPORTED_INSTANCE_URL
                    -> HttpStatus.UNPROCESSABLE_ENTITY;
            case INVITATION_LOCKED -> HttpStatus.TOO_MANY_REQUESTS;
            case HELPDESK_UNAVAILABLE, TEMPORARILY_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Refusal refusal) {
        HttpStatus status = statusOf(refusal.kind());
        MutableHttpResponse<?> response = Problems.response(status, refusal.kind().slug(), refusal.kind().title(),
                refusal.detail(), extensions(refusal));
        if (refusal instanceof Unauthenticated) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (refusal instanceof StoreUnavailable unavailable) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, unavailable.retryAfter().toSeconds())));
        }
        if (refusal instanceof HelpdeskUnavailable unavailable) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(unavailable.retryAfter().toSeconds()));
        }
        if (refusal instanceof InvitationLocked locked) {
            // Rounded up: a client that waits exactly this long finds the invitation open again.
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, locked.retryAfter().toSeconds() + 1)));
        }
        return response;
    }

    private static Map<String, Object> extensions(Refusal refusal) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (refusal instanceof InvalidRequest invalid) {
            extensions.put("errors", fieldErrors(invalid.errors()));
        } else if (refusal instanceof InvitationCodeMalformed malformed) {
            extensions.put("errors", fieldErrors(List.of(new FieldError("code", malformed.detail()))));
        } else if (refusal instanceof ModeNotOffered notOffered) {
            extensions.put("mode", notOffered.requested().name());
            extensions.put("rule", notOffered.rule());
            extensions.put("offeredModes", notOffered.offeredModes().stream().map(Enum::name).toList());
        } else if (refusal instanceof InvitationNotForCaller notForCaller) {
            extensions.put("invitedInstance", notForCaller.invitee());
        } else if (refusal instanceof RulesVersionConflict stale) {
            extensions.put("currentVersion", stale.currentVersion());
        } else if (refusal instanceof ConnectionStateConflict conflict) {
            extensions.put("connectionStatus", conflict.status().name());
        } else if (refusal instanceof InvitationExpired expired) {
            extensions.put("expiredAt", expired.expiredAt().toString());
        }
        return extensions;
    }

    private static List<Map<String, String>> fieldErrors(List<FieldError> errors) {
        return errors.stream().map(e -> Map.of("field", e.field(), "problem", e.problem())).toList();
    }
}
