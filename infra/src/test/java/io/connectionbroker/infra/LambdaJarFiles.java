package io.connectionbroker.infra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** The functions' deployable jars as the build leaves them, and what their build did to them. */
final class LambdaJarFiles {
    private static final Path FUNCTIONS = Path.of("..", "functions");
    /** What the build's lambda-aot step adds to a shaded jar: the generated classes and the two service files. */
    private static final Predicate<String> AOT_OUTPUT = name -> name.startsWith("io/connectionbroker/aot/")
            || name.equals("META-INF/services/io.micronaut.context.ApplicationContextConfigurer")
            || name.equals("META-INF/services/io.micronaut.core.optim.StaticOptimizations$Loader");

    private LambdaJarFiles() {
    }

    /** The deployable jar of a function module, as the template names it. */
    static Path of(String module) {
        return FUNCTIONS.resolve(module).resolve("target").resolve(module + "-lambda.jar");
    }

    /**
     * The jar as the shade plugin left it: without what the build added from Micronaut AOT, and with the
     * META-INF/micronaut service entries the build took out once AOT's lists stood for them (kept beside the jar).
     */
    static void copyWithoutAot(String module, Path copy) throws IOException {
        Path services = of(module).resolveSibling(module + "-lambda-services.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            copyEntries(of(module), out, name -> !AOT_OUTPUT.test(name));
            assertTrue(copyEntries(services, out, name -> name.startsWith("META-INF/micronaut/")) > 50,
                    services + " holds few service entries");
        }
    }

    static List<String> entryNames(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static int copyEntries(Path zip, ZipOutputStream out, Predicate<String> wanted) throws IOException {
        int copied = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (wanted.test(entry.getName())) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                    copied++;
                }
            }
        }
        return copied;
    }
}
