package io.connectionbroker.wiring;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * Every function's Lambda handler (infra/template.yaml): Micronaut's handler for API Gateway HTTP API
 * payload 2.0 events, which, as Lambda loads it, starts loading the AWS SDK beside Micronaut's own start
 * ({@link SdkPreload}), and which makes every singleton at start only where the start is not a request's
 * wait ({@link EagerStart}).
 */
public class FunctionHandler extends APIGatewayV2HTTPEventFunction {
    static {
        SdkPreload.start();
    }

    public FunctionHandler() {
        super();
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        if (EagerStart.wanted(System.getenv(EagerStart.INITIALIZATION_TYPE))) {
            return super.newApplicationContextBuilder();
        }
        // Micronaut's Lambda builder (LambdaApplicationContextBuilder) without its eager singletons, which a
        // builder cannot switch off once on.
        return ApplicationContext.builder().environments(Environment.FUNCTION, EagerStart.LAMBDA_ENVIRONMENT)
                .eagerInitConfiguration(true);
    }
}
