package io.connectionbroker.web.document;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The refusals an answer to an invitation (accept, decline) can meet, for the OpenAPI document: a route
 * carrying this documents them all.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "400", ref = ProblemResponses.INVALID_CODE)
@ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
@ApiResponse(responseCode = "403", ref = ProblemResponses.INVITATION_NOT_FOR_CALLER)
@ApiResponse(responseCode = "404", ref = ProblemResponses.INVITATION_NOT_FOUND)
@ApiResponse(responseCode = "409", ref = ProblemResponses.INVITATION_ALREADY_USED)
@ApiResponse(responseCode = "410", ref = ProblemResponses.INVITATION_GONE)
@ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
@ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
@ApiResponse(responseCode = "429", ref = ProblemResponses.INVITATION_LOCKED)
@ApiResponse(responseCode = "503", ref = ProblemResponses.TEMPORARILY_UNAVAILABLE)
public @interface AnswersAnInvitation {
}
