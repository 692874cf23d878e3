package io.connectionbroker.web;

import io.connectionbroker.domain.ConnectionNotAllowed;
import io.connectionbroker.domain.ConnectionNotFound;
import io.connectionbroker.domain.ConnectionStateConflict;
import io.connectionbroker.domain.FieldError;
import io.connectionbroker.domain.HelpdeskUnavailable;
import io.connectionbroker.domain.InstanceNotFound;
import io.connectionbroker.domain.InstanceNotRegistered;
import io.connectionbroker.domain.OperatorOnly;
import io.connectionbroker.domain.NotAnAdministrator;
import io.connectionbroker.domain.OwnershipNotProven;
import io.connectionbroker.domain.PlatformMismatch;
import io.connectionbroker.domain.UnsupportedInstanceUrl;
import io.connectionbroker.domain.InstanceAlreadyRegistered;
import io.connectionbroker.domain.IdempotencyKeyReused;
import io.connectionbroker.domain.InvalidRequest;
import io.connectionbroker.domain.InvitationAlreadyUsed;
import io.connectionbroker.domain.InvitationCodeMalformed;
import io.connectionbroker.domain.InvitationDeclined;
import io.connectionbroker.domain.InvitationExpired;
import io.connectionbroker.domain.InvitationNotForCaller;
import io.connectionbroker.domain.InvitationLocked;
import io.connectionbroker.domain.InvitationNotFound;
import io.connectionbroker.domain.KeyLimitReached;
import io.connectionbroker.domain.KeyNotFound;
import io.connectionbroker.domain.LastKey;
import io.connectionbroker.domain.ModeFixed;
import io.connectionbroker.domain.ModeNotOffered;
import io.connectionbroker.domain.Refusal;
import io.connectionbroker.domain.RulesReadOnly;
import io.connectionbroker.domain.RulesVersionConflict;
import io.connectionbroker.domain.StoreUnavailable;
import io.connectionbroker.domain.Unauthenticated;
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

    private static final Map<Class<? extends Refusal>, HttpStatus> STATUS = Map.ofEntries(
            Map.entry(InvalidRequest.class, HttpStatus.BAD_REQUEST),
            Map.entry(InvitationCodeMalformed.class, HttpStatus.BAD_REQUEST),
            Map.entry(Unauthenticated.class, HttpStatus.UNAUTHORIZED),
            Map.entry(InvitationNotForCaller.class, HttpStatus.FORBIDDEN),
            Map.entry(ConnectionNotFound.class, HttpStatus.NOT_FOUND),
            Map.entry(InvitationNotFound.class, HttpStatus.NOT_FOUND),
            Map.entry(InstanceAlreadyRegistered.class, HttpStatus.CONFLICT),
            Map.entry(InvitationAlreadyUsed.class, HttpStatus.CONFLICT),
            Map.entry(ConnectionStateConflict.class, HttpStatus.CONFLICT),
            Map.entry(RulesVersionConflict.class, HttpStatus.CONFLICT),
            Map.entry(RulesReadOnly.class, HttpStatus.UNPROCESSABLE_ENTITY),
            Map.entry(ModeFixed.class, HttpStatus.UNPROCESSABLE_ENTITY),
            Map.entry(InvitationExpired.class, HttpStatus.GONE),
            Map.entry(InvitationDeclined.class, HttpStatus.GONE),
            Map.entry(BodyTooLarge.class, HttpStatus.REQUEST_ENTITY_TOO_LARGE),
            Map.entry(ModeNotOffered.class, HttpStatus.UNPROCESSABLE_ENTITY),
            Map.entry(ConnectionNotAllowed.class, HttpStatus.UNPROCESSABLE_ENTITY),
            Map.entry(KeyNotFound.class, HttpStatus.NOT_FOUND),
            Map.entry(LastKey.class, HttpStatus.CONFLICT),
            Map.entry(KeyLimitReached.class, HttpStatus.CONFLICT),
            Map.entry(InvitationLocked.class, HttpStatus.TOO_MANY_REQUESTS),
            Map.entry(IdempotencyKeyReused.class, HttpStatus.UNPROCESSABLE_ENTITY),
            Map.entry(StoreUnavailable.class, HttpStatus.SERVICE_UNAVAILABLE),
            Map.entry(UnsupportedInstanceUrl.class, HttpStatus.UNPROCESSABLE_ENTITY),
            Map.entry(PlatformMismatch.class, HttpStatus.UNPROCESSABLE_ENTITY),
            Map.entry(OwnershipNotProven.class, HttpStatus.UNPROCESSABLE_ENTITY),
            Map.entry(NotAnAdministrator.class, HttpStatus.FORBIDDEN),
            Map.entry(HelpdeskUnavailable.class, HttpStatus.SERVICE_UNAVAILABLE),
            Map.entry(OperatorOnly.class, HttpStatus.FORBIDDEN),
            Map.entry(InstanceNotFound.class, HttpStatus.NOT_FOUND),
            Map.entry(InstanceNotRegistered.class, HttpStatus.NOT_FOUND));

    /** The status a kind of refusal is answered with, if it has one. */
    public static java.util.Optional<HttpStatus> statusOf(Class<? extends Refusal> refusal) {
        return java.util.Optional.ofNullable(STATUS.get(refusal));
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Refusal refusal) {
        HttpStatus status = STATUS.get(refusal.getClass());
        if (status == null) {
            throw new IllegalStateException("no HTTP status for refusal " + refusal.getClass().getName());
        }
        MutableHttpResponse<?> response = Problems.response(status, refusal.kind(), refusal.title(),
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
