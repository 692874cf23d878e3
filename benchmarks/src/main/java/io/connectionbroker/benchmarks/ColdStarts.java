package io.connectionbroker.benchmarks;

import io.connectionbroker.testing.DynamoDbLocalEngine;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold starts of the floors and the functions, each in a fresh JVM started as Lambda starts Java, run by
 * run: every round starts each scenario once, so that the machine's drift over the minutes of the benchmark
 * hits the floors and the functions alike. Each function's ratio to the fastest floor is taken in every
 * round, and the report gives the median ratio and its spread over the rounds.
 */
final class ColdStarts {
    /** Lambda's own flags for Java, and about 85% of a 1,024 MB function's memory as heap. */
    static final List<String> LAMBDA_JVM = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xmx870m");
    /** The JVM options the deployment template gives every function, which the probes start with too. */
    static final String TEMPLATE_JAVA_OPTIONS = templateJavaOptions(Path.of("infra", "template.yaml"));
    /** -Dbench.rounds=3 for a quick look; the report's figures come from 10. */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 10);
    /**
     * Warm requests, measured in the first round of the floors and of the status function; more
     * (-Dbench.warm-requests=40000) for a profile of the warm path.
     */
    static final int WARM_REQUESTS = Integer.getInteger("bench.warm-requests", 5_000);

    /**
     * @param jar    the function's deployable jar, or null for a floor (a bare handler on this module's classes)
     * @param whatIf a handler of this module's run on a function's code ({@link StatusWithoutMicronaut}): shown
     *               beside the functions, never counted toward the goals
     */
    record Scenario(String name, String jar, String handler, String method, String path, String body, String apiKey,
                    boolean whatIf) {
        boolean isFloor() {
            return jar == null;
        }

        /** A function's deployable jar (or a candidate build of one), which the goals lines count. */
        boolean isFunction() {
            return !isFloor() && !whatIf;
        }
    }

    /**
     * @param initMillis from the process started to the handler built, before the first event
     * @param warm       the probe's warm figures ("median p99 status", microseconds), or null when not asked
     */
    record Run(long millis, long residentKb, int status, long initMillis, String warm) {
    }

    private final DynamoDbLocalEngine engine;
    private final String table;

    ColdStarts(DynamoDbLocalEngine engine, String table) {
        this.engine = engine;
        this.table = table;
    }

    /** Every scenario's runs, in the scenarios' order, from {@link #ROUNDS} interleaved rounds. */
    Map<Scenario, List<Run>> measure(List<Scenario> scenarios) throws IOException, InterruptedException {
        Map<Scenario, List<Run>> runs = new LinkedHashMap<>();
        Path probe = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        TaskRoots roots = new TaskRoots(probe.getParent().resolve("task-roots"));
        Map<Scenario, String> classpaths = new LinkedHashMap<>();
        String floor = roots.extract("floor", floorClasspath()).toString();
        for (Scenario scenario : scenarios) {
            String directory = scenario.name().replaceAll("[^A-Za-z0-9]+", "-");
            classpaths.put(scenario, scenario.isFloor() ? floor
                    : roots.extract(directory, List.of(Path.of(scenario.jar()))) + File.pathSeparator + probe);
        }
        scenarios.forEach(scenario -> runs.put(scenario, new ArrayList<>()));
        for (int round = 0; round < ROUNDS; round++) {
            for (Scenario scenario : scenarios) {
                boolean warm = round == 0 && (scenario.isFloor() || scenario.name().startsWith("status"));
                runs.get(scenario).add(run(scenario, classpaths.get(scenario), warm));
            }
            System.out.println("cold starts: round " + (round + 1) + " of " + ROUNDS + " done");
        }
        return runs;
    }

    /** @param classpath the scenario's code as Lambda lays it out ({@link TaskRoots}) */
    private Run run(Scenario scenario, String classpath, boolean warm) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(LAMBDA_JVM);
        // -Dbench.probe-jvm="-Xlog:class+load:file=/tmp/classes.txt" and the like, to look into a start.
        String extra = System.getProperty("bench.probe-jvm", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", classpath, ColdStartProbe.class.getName(), scenario.handler(), scenario.method(),
                scenario.path(), scenario.apiKey()));
        if (scenario.body() != null) {
            command.add(scenario.body());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(engine.functionEnvironment(table));
        // What Lambda tells a function starting for a request that waits (not SnapStart, not provisioned).
        builder.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        builder.environment().put("JAVA_TOOL_OPTIONS", TEMPLATE_JAVA_OPTIONS);
        if (warm) {
            builder.environment().put("PROBE_WARM_REQUESTS", Integer.toString(WARM_REQUESTS));
        }
        builder.environment().put(ColdStartProbe.SPAWNED_AT, Long.toString(System.nanoTime()));
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
        }
        process.waitFor();
        String warmFigures = output.stream().filter(line -> line.startsWith("WARM ")).map(line -> line.substring(5))
                .findFirst().orElse(null);
        for (String line : output) {
            if (line.startsWith("PROBE ")) {
                String[] parts = line.split(" ");
                return new Run(Long.parseLong(parts[1]), Long.parseLong(parts[2]), Integer.parseInt(parts[3]),
                        Long.parseLong(parts[4]), warmFigures);
            }
        }
        throw new IllegalStateException(scenario.name() + " answered nothing:\n" + String.join("\n", output));
    }

    /**
     * The floors' class path: this module's classes and the SDK, its HTTP clients and the Lambda libraries,
     * nothing of the functions, Micronaut or DynamoDB Local (which the benchmark itself runs on).
     */
    private static List<Path> floorClasspath() {
        return classpath().filter(entry -> entry.contains("/software/amazon/awssdk/") || entry.contains("/aws-lambda-java-")
                        || entry.contains("/org/reactivestreams/") || entry.contains("/org/slf4j/slf4j-api/")
                        || entry.contains("/org/apache/httpcomponents/") || entry.contains("/commons-logging/")
                        || entry.contains("/commons-codec/") || entry.endsWith("benchmarks/target/classes"))
                .map(Path::of).toList();
    }

    private static java.util.stream.Stream<String> classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator));
    }

    private static String templateJavaOptions(Path template) {
        try {
            java.util.regex.Matcher options = java.util.regex.Pattern.compile("JAVA_TOOL_OPTIONS: \"([^\"]*)\"")
                    .matcher(Files.readString(template));
            if (!options.find()) {
                throw new IllegalStateException(template + " sets no JAVA_TOOL_OPTIONS");
            }
            return options.group(1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static double median(List<? extends Number> values) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1_048_576.0);
    }

    static long size(String file) {
        try {
            return Files.size(Path.of(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
