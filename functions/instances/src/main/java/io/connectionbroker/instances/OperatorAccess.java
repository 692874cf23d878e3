package io.connectionbroker.instances;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.connectionbroker.domain.SecretHash;
import io.connectionbroker.domain.refusal.OperatorOnly;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Who may make the operator's calls. In AWS the operator's route is IAM-authorised: API Gateway invokes the
 * function only for a SigV4-signed request of a principal allowed to call it, and says so in the event's
 * {@code requestContext.authorizer.iam}, which no caller can write; the other routes of the same function
 * carry no such context. The local run has no IAM: there the operator sends the token set in
 * {@code CONNECTION_BROKER_OPERATOR_TOKEN} as a Bearer token, and with none set nobody is the operator.
 */
@Singleton
public class OperatorAccess {
    private final SecretHash token;

    OperatorAccess(@Property(name = "connection-broker.operator-token") @Nullable String token) {
        this.token = token == null || token.isBlank() ? null : SecretHash.of(token);
    }

    /** @throws OperatorOnly unless the request came through IAM, or carries the local operator token */
    void check(APIGatewayV2HTTPEvent event, @Nullable String authorization) {
        if (signedByIam(event)) {
            return;
        }
        if (token != null && authorization != null && authorization.startsWith("Bearer ")
                && token.matches(SecretHash.of(authorization.substring("Bearer ".length())))) {
            return;
        }
        throw new OperatorOnly();
    }

    private static boolean signedByIam(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event == null ? null : event.getRequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = context == null ? null : context.getAuthorizer();
        APIGatewayV2HTTPEvent.RequestContext.IAM iam = authorizer == null ? null : authorizer.getIam();
        return iam != null && iam.getUserArn() != null && !iam.getUserArn().isBlank();
    }
}
