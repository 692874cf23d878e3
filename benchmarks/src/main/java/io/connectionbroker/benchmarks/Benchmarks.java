package io.connectionbroker.benchmarks;

import io.connectionbroker.domain.AcceptInvitation;
import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.IdempotentRequests;
import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.RegisterInstance;
import io.connectionbroker.domain.SecureEntropy;
import io.connectionbroker.store.dynamodb.DynamoDbConnectionStore;
import io.connectionbroker.testing.DynamoDbLocalEngine;
import io.connectionbroker.testing.TableSetUp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * README's benchmark: the cold start of every function's deployable jar in a fresh JVM started as Lambda
 * starts Java (tiered compilation stopped at C1, the heap of a 1,024 MB function), from process start to
 * the first API Gateway v2 event answered against DynamoDB Local; beside it the floor, a bare handler
 * making the same SDK calls. Also the resident set size at that answer and each jar's size; the warm
 * overhead of the status function over the raw SDK calls ({@link ColdStartProbe}); accept, status and list
 * latency at 1,000 and 100,000 connections ({@link ScaleBenchmark}); the local API's throughput
 * ({@link LocalApiThroughput}). Prints the tables and writes them to benchmarks/results/latest.md.
 */
public final class Benchmarks {
    private static final String HANDLER = "io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction";
    private static final int RUNS = 10;
    /** Lambda's own flags for Java, and about 85% of a 1,024 MB function's memory as heap. */
    private static final List<String> LAMBDA_JVM = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xmx870m");

    private record Scenario(String name, String jar, String handler, String method, String path, String body,
                            String apiKey) {
    }

    /** @param warm the probe's warm figures ("median p99 status", microseconds), or null when not asked */
    private record Run(long millis, long residentKb, int status, String warm) {
    }

    /** Warm requests, measured in the first run of the floor and of the status function. */
    private static final int WARM_REQUESTS = 5_000;

    private Benchmarks() {
    }

    public static void main(String[] args) {
        try {
            measureAndReport();
        } catch (Exception | Error failure) {
            // DynamoDB Local's threads would keep the JVM, and so the Maven command, running forever.
            failure.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void measureAndReport() throws Exception {
        DynamoDbLocalEngine engine = DynamoDbLocalEngine.shared();
        String table = "bench-" + UUID.randomUUID();
        TableSetUp.ensure(engine.client(), table);
        DynamoDbConnectionStore store = new DynamoDbConnectionStore(engine.client(), table);
        Clock clock = Clock.systemUTC();
        SecureEntropy entropy = new SecureEntropy();
        RegisterInstance register = new RegisterInstance(store, SeedingHelpdesks.ADMINISTRATORS, clock, entropy);
        IdempotentRequests requests = new IdempotentRequests(store, clock);
        RegisterInstance.Registered acme = requests.commit(io.connectionbroker.domain.Actor.ANONYMOUS, register.register(
                SeedingHelpdesks.command("https://acme.zendesk.com")));
        RegisterInstance.Registered beta = requests.commit(io.connectionbroker.domain.Actor.ANONYMOUS, register.register(
                SeedingHelpdesks.command("https://beta.zendesk.com")));
        InitiateConnection initiate = new InitiateConnection(store, clock, entropy,
                InitiateConnection.DEFAULT_INVITATION_LIFETIME);
        InitiateConnection.Initiated initiated = requests.commit(io.connectionbroker.domain.Actor.ANONYMOUS, () -> initiate.initiate(acme.instance(),
                new InitiateConnection.Command("https://beta.zendesk.com", false, Mode.SCRIPT, "acme", "beta", null,
                        null, "SUPPORT")));
        Connection connection = requests.commit(io.connectionbroker.domain.Actor.ANONYMOUS, () -> new AcceptInvitation(store, clock).accept(beta.instance(),
                new AcceptInvitation.Command(initiated.code().reveal(), "HELP")));
        String id = connection.id();
        String acmeKey = acme.apiKey().reveal();
        String betaKey = beta.apiKey().reveal();
        String code = "\"code\": \"" + initiated.code().reveal() + "\"";

        // Each function answers a request that reads what it reads in earnest, and changes nothing, so
        // that every run meets the same table.
        List<Scenario> scenarios = List.of(
                new Scenario("floor (bare handler)", null, BareHandler.class.getName(), "GET", "/v1/connections/" + id,
                        null, acmeKey),
                new Scenario("floor on aws-crt-client", null, CrtBareHandler.class.getName(), "GET",
                        "/v1/connections/" + id, null, acmeKey),
                function("instances", "GET", "/v1/instances/me", null, acmeKey),
                function("initiate", "POST", "/v1/connections/" + id + "/invitation", null, acmeKey),
                function("accept", "POST", "/v1/invitations/accept", "{" + code + ", \"project\": \"HELP\"}", betaKey),
                function("decline", "POST", "/v1/invitations/decline", "{" + code + "}", betaKey),
                function("status", "GET", "/v1/connections/" + id, null, acmeKey),
                function("activation", "POST", "/v1/connections/" + id + "/activate", null, acmeKey),
                function("delete", "DELETE", "/v1/connections/" + UUID.randomUUID(), null, acmeKey),
                function("rules", "GET", "/v1/connections/" + id + "/rules", null, acmeKey),
                function("upgrade", "POST", "/v1/connections/" + id + "/upgrade", "{\"mode\": \"VISUAL\"}", acmeKey));

        // -Dbench.parts=cold,scale,throughput,costs (the default: all) runs some of the parts.
        List<String> parts = List.of(System.getProperty("bench.parts", "cold,scale,throughput,costs").split(","));
        List<String> rows = new ArrayList<>();
        List<String> warmRows = new ArrayList<>();
        List<String> goals = new ArrayList<>();
        int coldMet = 0;
        int coldMeasured = 0;
        double floor = 0;
        double[] warmFloor = null;
        // -Dbench.functions=status,accept measures those functions only (and the floor).
        List<String> functions = List.of(System.getProperty("bench.functions", "").split(","));
        for (Scenario scenario : parts.contains("cold") ? scenarios : List.<Scenario>of()) {
            if (scenario.jar() != null && !functions.get(0).isEmpty() && !functions.contains(scenario.name())) {
                continue;
            }
            List<Run> runs = new ArrayList<>();
            boolean warm = scenario.jar() == null || scenario.name().equals("status");
            for (int i = 0; i < RUNS; i++) {
                runs.add(run(scenario, engine, table, warm && i == 0));
            }
            if (warm) {
                String[] figures = runs.get(0).warm().split(" ");
                double median = Double.parseDouble(figures[0]) / 1000;
                double p99 = Double.parseDouble(figures[1]) / 1000;
                if (warmFloor == null) {
                    warmFloor = new double[] {median, p99};
                }
                String row = String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %s |",
                        scenario.jar() == null ? "raw SDK calls, " + scenario.name() : "status function", WARM_REQUESTS,
                        median, p99, median / warmFloor[0], p99 / warmFloor[1], figures[2]);
                warmRows.add(row);
                System.out.println(row);
                if (scenario.jar() != null) {
                    goals.add(String.format(Locale.ROOT, "- Warm overhead within 1.1x of the raw SDK calls: %s"
                            + " (median %.2fx, p99 %.2fx).", median / warmFloor[0] <= 1.1 ? "met" : "not met",
                            median / warmFloor[0], p99 / warmFloor[1]));
                }
            }
            List<Long> millis = runs.stream().map(Run::millis).sorted().toList();
            double median = median(millis);
            if (scenario.jar() == null && floor == 0) {
                floor = median;
            }
            long rss = runs.stream().mapToLong(Run::residentKb).sorted().toArray()[runs.size() / 2];
            String jarSize = scenario.jar() == null ? "-" : String.format(Locale.ROOT, "%.1f",
                    Files.size(Path.of(scenario.jar())) / 1_048_576.0);
            String row = String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %d | %.2f | %d | %s | %d |",
                    scenario.name(), runs.size(), millis.get(0), median, millis.get(millis.size() - 1),
                    median / floor, rss / 1024, jarSize, runs.get(0).status());
            rows.add(row);
            System.out.println(row);
            if (scenario.jar() != null) {
                coldMeasured++;
                coldMet += median / floor <= 1.2 ? 1 : 0;
            }
        }
        if (coldMeasured > 0) {
            goals.add(0, "- Cold start within 1.2x of the floor: " + coldMet + " of " + coldMeasured + " functions.");
        }
        List<String> scaleRows = parts.contains("scale") ? new ScaleBenchmark().run() : List.of();
        scaleRows.forEach(System.out::println);
        String throughput = parts.contains("throughput") ? new LocalApiThroughput().run() : "";
        System.out.println(throughput);
        List<String> costRows = parts.contains("costs") ? new OperationCosts().run() : List.of();
        costRows.forEach(System.out::println);
        String report = report(rows, warmRows, scaleRows, throughput, costRows, goals);
        System.out.println();
        System.out.println(report);
        Path results = Path.of("benchmarks", "results", "latest.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, report);
        System.out.println("Written to " + results.toAbsolutePath());
    }

    private static Scenario function(String module, String method, String path, String body, String apiKey) {
        return new Scenario(module, Path.of("functions", module, "target", module + "-lambda.jar").toString(),
                HANDLER, method, path, body, apiKey);
    }

    private static Run run(Scenario scenario, DynamoDbLocalEngine engine, String table, boolean warm)
            throws IOException, InterruptedException {
        String probe = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .toString();
        String classpath = scenario.jar() == null ? floorClasspath() : scenario.jar() + java.io.File.pathSeparator + probe;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(LAMBDA_JVM);
        command.addAll(List.of("-cp", classpath, ColdStartProbe.class.getName(), scenario.handler(), scenario.method(),
                scenario.path(), scenario.apiKey()));
        if (scenario.body() != null) {
            command.add(scenario.body());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(engine.functionEnvironment(table));
        if (warm) {
            builder.environment().put("PROBE_WARM_REQUESTS", Integer.toString(WARM_REQUESTS));
        }
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
                        warmFigures);
            }
        }
        throw new IllegalStateException(scenario.name() + " answered nothing:\n" + String.join("\n", output));
    }

    /**
     * The floor's class path: this module's classes and the SDK and Lambda libraries, nothing of the
     * functions, Micronaut or DynamoDB Local (which the benchmark itself runs on).
     */
    private static String floorClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> entry.contains("/software/amazon/awssdk/") || entry.contains("/aws-lambda-java-")
                        || entry.contains("/org/reactivestreams/") || entry.contains("/org/slf4j/slf4j-api/")
                        || entry.endsWith("benchmarks/target/classes"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static double median(List<Long> sorted) {
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    private static String report(List<String> rows, List<String> warmRows, List<String> scaleRows,
                                 String throughput, List<String> costRows, List<String> goals) {
        List<String> lines = new ArrayList<>(List.of(
                "# Benchmarks: cold start, warm overhead, memory, scale and throughput",
                "",
                "Run " + LocalDate.now(Clock.systemUTC()) + " on " + Runtime.getRuntime().availableProcessors()
                        + " cores, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                        + ", with `" + String.join(" ", LAMBDA_JVM) + "`, against DynamoDB Local.",
                "Cold start: a fresh JVM on the function's deployable jar, from process start to the first API Gateway"
                        + " v2 event answered. Floor: a bare handler making the same SDK calls on the same HTTP client."
                        + " RSS: resident set size at that answer (median).",
                "",
                "| function | runs | min ms | median ms | max ms | median / floor | RSS MB | jar MB | status |",
                "|---|---|---|---|---|---|---|---|---|"));
        lines.addAll(rows);
        lines.addAll(List.of("",
                "## Warm overhead",
                "",
                "The same status read (" + WARM_REQUESTS + " requests after " + ColdStartProbe.WARM_UP
                        + " to warm up, same JVM flags): through the status function's handler, and as the raw SDK"
                        + " calls it makes (the bare handler).",
                "",
                "| path | requests | median ms | p99 ms | median / raw | p99 / raw | status |",
                "|---|---|---|---|---|---|---|"));
        lines.addAll(warmRows);
        lines.addAll(List.of("",
                "## Scale",
                "",
                "Median ms through the warm handler (all functions in one, in this JVM) with " + ScaleBenchmark.SMALL
                        + " and then " + ScaleBenchmark.LARGE + " connections in the table; the listing instance owns"
                        + " 100 of the first and 10,000 of the second.",
                "",
                "| operation | " + ScaleBenchmark.SMALL + " | " + ScaleBenchmark.LARGE + " | ratio |",
                "|---|---|---|---|"));
        lines.addAll(scaleRows);
        lines.addAll(List.of("",
                "## Local API throughput",
                "",
                "README's local API under concurrent clients on loopback, each repeating register, register,"
                        + " initiate, accept, status.",
                "",
                "| clients | seconds | flows | requests/s | errors |",
                "|---|---|---|---|---|",
                throughput,
                "",
                "## DynamoDB calls and cost per operation",
                "",
                "Through the warm handler, each the average of its runs: the DynamoDB calls it makes one after another,"
                        + " and the capacity units DynamoDB Local reports for them (ReturnConsumedCapacity). It reports"
                        + " a transaction as 4 write units whatever its items, so the billed column counts each"
                        + " transaction's items at 2 units (every item is under 1 KB), as the service bills them. On"
                        + " demand at $" + OperationCosts.READ_PRICE + " per million read and $"
                        + OperationCosts.WRITE_PRICE + " per million write request units (us-east-1), on the read"
                        + " and billed write units.",
                "",
                "| operation | calls | read units | write units reported | write units billed | $ per million |",
                "|---|---|---|---|---|---|"));
        lines.addAll(costRows);
        lines.addAll(List.of("",
                "## Goals",
                ""));
        lines.addAll(goals);
        return String.join("\n", lines) + "\n";
    }
}
