package io.connectionbroker.web.document;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * For the OpenAPI document: the refusals every route on one connection ({@code /v1/connections/{id}...})
 * can meet, whatever else it documents; its 400 includes API Gateway's own answer to a path it cannot decode.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "400", ref = ProblemResponses.INVALID_REQUEST)
@ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
@ApiResponse(responseCode = "404", ref = ProblemResponses.CONNECTION_NOT_FOUND)
@ApiResponse(responseCode = "503", ref = ProblemResponses.TEMPORARILY_UNAVAILABLE)
public @interface ConnectionRoute {
}
