package io.connectionbroker.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Code laid out as Lambda runs it: Lambda extracts a deployment package into {@code /var/task} and its
 * Java runtime loads classes from that directory and from {@code /var/task/lib/*.jar}
 * (aws-lambda-java-runtime-interface-client's {@code CustomerClassLoader}), never from the uploaded jar.
 * Whether a class or a resource comes from a directory or from inside a jar changes a start's work (a
 * framework reading a resource from a jar opens it as a file system, for one), so every cold start, of a
 * floor or a function, runs on such a directory.
 */
final class TaskRoots {
    private static final String SERVICES = "META-INF/services/";
    private final Path base;

    TaskRoots(Path base) {
        this.base = base;
    }

    /**
     * One directory holding every file of {@code entries} (jars or class directories, in class path order):
     * the first copy of a file wins, as on a class path, except service files, which are joined, as the
     * deployable jars' shading joins them.
     */
    Path extract(String name, List<Path> entries) {
        Path root = base.resolve(name);
        try {
            delete(root);
            Files.createDirectories(root);
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    copyDirectory(entry, root);
                } else {
                    copyJar(entry, root);
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("could not lay out " + name + " as Lambda runs it", e);
        }
    }

    private static void copyJar(Path jar, Path root) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    place(entry.getName(), zip, root);
                }
            }
        }
    }

    private static void copyDirectory(Path directory, Path root) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                try (InputStream in = Files.newInputStream(file)) {
                    place(directory.relativize(file).toString().replace('\\', '/'), in, root);
                }
            }
        }
    }

    private static void place(String name, InputStream content, Path root) throws IOException {
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("an entry outside its root: " + name);
        }
        Files.createDirectories(target.getParent());
        if (name.startsWith(SERVICES) && Files.exists(target)) {
            Files.write(target, "\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), StandardOpenOption.APPEND);
            Files.write(target, content.readAllBytes(), StandardOpenOption.APPEND);
        } else if (!Files.exists(target)) {
            Files.copy(content, target);
        }
    }

    private static void delete(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(file);
                }
            }
        }
    }
}
