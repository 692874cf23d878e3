package io.connectionbroker.web.document;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * For the OpenAPI document: the refusals a POST meets through its Idempotency-Key alone (a malformed key,
 * a key of another request), on routes that document no other 400 or 422.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "400", ref = ProblemResponses.INVALID_REQUEST)
@ApiResponse(responseCode = "422", ref = ProblemResponses.IDEMPOTENCY_KEY_REUSED)
public @interface IdempotencyKeyRefusals {
}
