package io.connectionbroker.benchmarks;

import io.connectionbroker.domain.AcceptInvitation;
import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.License;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance;
import io.connectionbroker.domain.SecureEntropy;
import io.connectionbroker.store.dynamodb.ConnectionTable;
import io.connectionbroker.store.dynamodb.DynamoDbConnectionStore;
import io.connectionbroker.testing.DynamoDbLocalEngine;
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
 * making the same SDK calls. Also the resident set size at that answer and each jar's size. Prints a
 * table and writes it to benchmarks/results/latest.md.
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

    private record Run(long millis, long residentKb, int status) {
    }

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        DynamoDbLocalEngine engine = DynamoDbLocalEngine.shared();
        String table = "bench-" + UUID.randomUUID();
        ConnectionTable.createIfMissing(engine.client(), table);
        DynamoDbConnectionStore store = new DynamoDbConnectionStore(engine.client(), table);
        Clock clock = Clock.systemUTC();
        SecureEntropy entropy = new SecureEntropy();
        RegisterInstance register = new RegisterInstance(store, clock, entropy);
        RegisterInstance.Registered acme = register.register(new RegisterInstance.Command(
                "https://acme.zendesk.com", Platform.ZENDESK, License.PAID, true));
        RegisterInstance.Registered beta = register.register(new RegisterInstance.Command(
                "https://beta.zendesk.com", Platform.ZENDESK, License.PAID, true));
        InitiateConnection.Initiated initiated = new InitiateConnection(store, clock, entropy,
                InitiateConnection.DEFAULT_INVITATION_LIFETIME).initiate(acme.instance(), new InitiateConnection.Command(
                "https://beta.zendesk.com", false, Mode.SCRIPT, "acme", "beta", null, null, "SUPPORT"));
        Connection connection = new AcceptInvitation(store, clock).accept(beta.instance(),
                new AcceptInvitation.Command(initiated.code().reveal(), "HELP"));
        String id = connection.id();
        String acmeKey = acme.apiKey().reveal();
        String betaKey = beta.apiKey().reveal();
        String code = "\"code\": \"" + initiated.code().reveal() + "\"";

        // Each function answers a request that reads what it reads in earnest, and changes nothing, so
        // that every run meets the same table.
        List<Scenario> scenarios = List.of(
                new Scenario("floor (bare handler)", null, BareHandler.class.getName(), "GET", "/v1/connections/" + id,
                        null, acmeKey),
                function("instances", "GET", "/v1/instances/me", null, acmeKey),
                function("initiate", "POST", "/v1/connections/" + id + "/invitation", null, acmeKey),
                function("accept", "POST", "/v1/invitations/accept", "{" + code + ", \"project\": \"HELP\"}", betaKey),
                function("decline", "POST", "/v1/invitations/decline", "{" + code + "}", betaKey),
                function("status", "GET", "/v1/connections/" + id, null, acmeKey),
                function("activation", "POST", "/v1/connections/" + id + "/activate", null, acmeKey),
                function("delete", "DELETE", "/v1/connections/" + UUID.randomUUID(), null, acmeKey),
                function("rules", "GET", "/v1/connections/" + id + "/rules", null, acmeKey),
                function("upgrade", "POST", "/v1/connections/" + id + "/upgrade", "{\"mode\": \"VISUAL\"}", acmeKey));

        List<String> rows = new ArrayList<>();
        double floor = 0;
        for (Scenario scenario : scenarios) {
            List<Run> runs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                runs.add(run(scenario, engine, table));
            }
            List<Long> millis = runs.stream().map(Run::millis).sorted().toList();
            double median = median(millis);
            if (scenario.jar() == null) {
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
        }
        String report = report(rows);
        System.out.println();
        System.out.println(report);
        Path results = Path.of("benchmarks", "results", "latest.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, report);
        System.out.println("Written to " + results.toAbsolutePath());
        System.exit(0);
    }

    private static Scenario function(String module, String method, String path, String body, String apiKey) {
        return new Scenario(module, Path.of("functions", module, "target", module + "-lambda.jar").toString(),
                HANDLER, method, path, body, apiKey);
    }

    private static Run run(Scenario scenario, DynamoDbLocalEngine engine, String table)
            throws IOException, InterruptedException {
        String probe = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .toString();
        String classpath = scenario.jar() == null ? System.getProperty("java.class.path")
                : scenario.jar() + java.io.File.pathSeparator + probe;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(LAMBDA_JVM);
        command.addAll(List.of("-cp", classpath, ColdStartProbe.class.getName(), scenario.handler(), scenario.method(),
                scenario.path(), scenario.apiKey()));
        if (scenario.body() != null) {
            command.add(scenario.body());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AWS_SERVICES_DYNAMODB_ENDPOINT_OVERRIDE", engine.endpoint().toString());
        builder.environment().put("AWS_REGION", DynamoDbLocalEngine.REGION);
        builder.environment().put("AWS_ACCESS_KEY_ID", DynamoDbLocalEngine.ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", DynamoDbLocalEngine.SECRET_KEY);
        builder.environment().put("CONNECTION_BROKER_TABLE_NAME", table);
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
        }
        process.waitFor();
        for (String line : output) {
            if (line.startsWith("PROBE ")) {
                String[] parts = line.split(" ");
                return new Run(Long.parseLong(parts[1]), Long.parseLong(parts[2]), Integer.parseInt(parts[3]));
            }
        }
        throw new IllegalStateException(scenario.name() + " answered nothing:\n" + String.join("\n", output));
    }

    private static double median(List<Long> sorted) {
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    private static String report(List<String> rows) {
        List<String> lines = new ArrayList<>(List.of(
                "# Benchmarks: cold start, memory and jar size",
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
        lines.add("");
        lines.add("Not measured yet (issue 8): warm overhead, scale with 1,000 vs 100,000 connections, throughput"
                + " of the local API; and nothing has been made faster yet.");
        return String.join("\n", lines) + "\n";
    }
}
