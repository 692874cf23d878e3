package io.connectionbroker.infra;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;
import io.connectionbroker.wiring.FunctionHandler;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.TreeSet;

/**
 * Runs in a fresh JVM whose class path is one deployable jar and this class: starts the handler as Lambda
 * does and prints whether Micronaut AOT's ahead-of-time service lists are in use, then every bean
 * definition the started context holds, one per line.
 */
public final class DeployedJarBeans {
    private DeployedJarBeans() {
    }

    public static void main(String[] args) {
        try (APIGatewayV2HTTPEventFunction handler = new FunctionHandler()) {
            ApplicationContext context = handler.getApplicationContext();
            System.out.println("AOT " + StaticOptimizations.get(SoftServiceLoader.Optimizations.class).isPresent());
            System.out.println("ENVIRONMENTS " + new TreeSet<>(context.getEnvironment().getActiveNames()));
            TreeSet<String> beans = new TreeSet<>();
            context.getAllBeanDefinitions().forEach(definition -> beans.add("BEAN " + definition.getClass().getName()));
            beans.forEach(System.out::println);
        }
        System.exit(0);
    }
}
