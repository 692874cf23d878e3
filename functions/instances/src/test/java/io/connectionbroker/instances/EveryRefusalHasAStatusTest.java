package io.connectionbroker.instances;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.Refusal;
import io.connectionbroker.web.RefusalHandler;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every kind of refusal in the domain and the web edge is answered with its own 4xx or 503, never an
 * unmapped 500: a new refusal without a status fails here, not in production.
 */
class EveryRefusalHasAStatusTest {

    @Test
    void everyRefusalClassHasAStatusBelow500OrIsTheBusyStore() throws Exception {
        List<Class<?>> refusals = new ArrayList<>();
        for (Path classes : List.of(Path.of("../domain/target/classes"), Path.of("../web/target/classes"))) {
            refusals.addAll(refusalsIn(classes));
        }
        assertTrue(refusals.size() >= 15, "found the refusals: " + refusals);

        for (Class<?> refusal : refusals) {
            @SuppressWarnings("unchecked")
            var status = RefusalHandler.statusOf((Class<? extends Refusal>) refusal);
            assertTrue(status.isPresent(), refusal.getSimpleName() + " has no HTTP status in RefusalHandler");
            int code = status.get().getCode();
            assertTrue((code >= 400 && code < 500) || code == 503, refusal.getSimpleName() + " answers " + code);
        }
    }

    private static List<Class<?>> refusalsIn(Path classes) throws IOException, ClassNotFoundException {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, EveryRefusalHasAStatusTest.class.getClassLoader());
                if (Refusal.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
