package io.connectionbroker.wiring;

import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * Every function's Lambda handler (infra/template.yaml): Micronaut's handler for API Gateway HTTP API
 * payload 2.0 events, which, as Lambda loads it, starts loading the AWS SDK beside Micronaut's own start
 * ({@link SdkPreload}).
 */
public class FunctionHandler extends APIGatewayV2HTTPEventFunction {
    static {
        SdkPreload.start();
    }

    public FunctionHandler() {
        super();
    }
}
