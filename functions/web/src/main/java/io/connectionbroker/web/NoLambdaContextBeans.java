package io.connectionbroker.web;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * Registers none of an invocation's Lambda objects as beans. Micronaut's default registers the Context,
 * its logger, client context and identity as singletons on every request, and each registration purges
 * the bean context's caches: in the benchmark that was about a quarter of a warm request's CPU. Nothing here
 * injects them; the request id reaches the logs through the MDC, which Micronaut fills separately.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
public class NoLambdaContextBeans implements LambdaContextFactory {
    @Override
    public void registerSingletons(Context context) {
        // Deliberately nothing: see the class comment.
    }
}
