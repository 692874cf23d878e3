package io.connectionbroker.wiring;

import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.annotation.Controller;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cold start without a snapshot: while Micronaut goes on starting the function on the main thread, a
 * background thread builds the DynamoDB client (the SDK and its HTTP client are most of what a function
 * loads) and warms the first request's paths as {@link SnapStartPriming} does before a snapshot, sending
 * nothing and making no secret. The first request then finds them loaded. The two threads overlap only
 * where the execution environment has the CPU for both, as Lambda's init phase and most machines do.
 * Off with {@code connection-broker.warm-at-start=false} (the function tests, whose recordings must see
 * only what requests do).
 */
@Context
public class StartupWarming {
    private static final Logger LOG = LoggerFactory.getLogger(StartupWarming.class);

    private final CompletableFuture<List<String>> warmed = new CompletableFuture<>();

    StartupWarming(BeanProvider<SnapStartPriming> priming, BeanContext beans,
                   @Value("${connection-broker.warm-at-start:true}") boolean warmAtStart) {
        if (!warmAtStart) {
            warmed.complete(List.of());
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                makeControllers(beans);
                warmed.complete(priming.get().prime());
            } catch (RuntimeException | Error e) {
                LOG.warn("Warming at start-up failed; the first request will warm what it needs", e);
                warmed.complete(List.of());
            }
        }, "startup-warming");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Makes the function's controllers, and so the operations, store and clients they are made from: where
     * singletons are made as they are first needed ({@link EagerStart}), the first request then finds them
     * made. Micronaut makes each singleton once, whichever thread asks first.
     */
    private static void makeControllers(BeanContext beans) {
        for (BeanDefinition<?> controller : beans.getBeanDefinitions(Qualifiers.byStereotype(Controller.class))) {
            beans.getBean(controller);
        }
    }

    /** What the start-up warming warmed, once it is over. */
    public CompletableFuture<List<String>> warmed() {
        return warmed;
    }
}
