package io.connectionbroker.wiring;

/**
 * Whether a function makes all its singletons as it starts. Micronaut's Lambda handlers always do: right
 * for a SnapStart snapshot or provisioned concurrency, where the start happens before any request and
 * everything made then is made once for every later start. An on-demand start is a request waiting, and
 * every function's jar holds beans it never asks for (the operations of the other functions, the Secrets
 * Manager client of one route): there the beans are made as the first request needs them.
 */
final class EagerStart {
    /** Set by Lambda to {@code on-demand}, {@code provisioned-concurrency} or {@code snap-start}. */
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";
    /** The environment Micronaut's Lambda handlers start in, beside {@code function}. */
    static final String LAMBDA_ENVIRONMENT = "lambda";

    private EagerStart() {
    }

    /** @param initializationType the value of {@link #INITIALIZATION_TYPE}, null outside Lambda */
    static boolean wanted(String initializationType) {
        return !"on-demand".equals(initializationType);
    }
}
