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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * README's benchmark: the cold start of every function's deployable jar in a fresh JVM started as Lambda
 * starts Java (tiered compilation stopped at C1, the heap of a 1,024 MB function), from the process started to
 * the first API Gateway v2 event answered against DynamoDB Local, in rounds beside the floors: a bare
 * handler making the fewest SDK calls a status read needs, on each SDK HTTP client ({@link ColdStarts},
 * {@link ColdStartReport}). Also the resident set size at that answer and each jar's size; the warm overhead
 * of the status function over the raw SDK calls ({@link ColdStartProbe}); accept, status and list latency at
 * 1,000 and 100,000 connections ({@link ScaleBenchmark}); the local API's throughput
 * ({@link LocalApiThroughput}); each operation's DynamoDB calls and cost ({@link OperationCosts}). Prints the
 * tables and writes them to benchmarks/results/latest.md.
 */
public final class Benchmarks {
    private static final String HANDLER = "io.connectionbroker.wiring.FunctionHandler";

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
        String status = "/v1/connections/" + id;
        List<ColdStarts.Scenario> scenarios = List.of(
                floor("url-connection", BareHandler.class, status, acmeKey),
                floor("aws-crt", CrtBareHandler.class, status, acmeKey),
                floor("Apache", ApacheBareHandler.class, status, acmeKey),
                function("instances", "GET", "/v1/instances/me", null, acmeKey),
                function("initiate", "POST", "/v1/connections/" + id + "/invitation", null, acmeKey),
                function("accept", "POST", "/v1/invitations/accept", "{" + code + ", \"project\": \"HELP\"}", betaKey),
                function("decline", "POST", "/v1/invitations/decline", "{" + code + "}", betaKey),
                function("status", "GET", status, null, acmeKey),
                function("activation", "POST", "/v1/connections/" + id + "/activate", null, acmeKey),
                function("delete", "DELETE", "/v1/connections/" + UUID.randomUUID(), null, acmeKey),
                function("rules", "GET", "/v1/connections/" + id + "/rules", null, acmeKey),
                function("upgrade", "POST", "/v1/connections/" + id + "/upgrade", "{\"mode\": \"VISUAL\"}", acmeKey));
        // -Dbench.functions=status,accept measures those functions only (and the floors).
        List<String> functions = List.of(System.getProperty("bench.functions", "").split(","));
        scenarios = scenarios.stream().filter(scenario -> scenario.isFloor() || functions.get(0).isEmpty()
                || functions.contains(scenario.name())).toList();
        // What the status function's code answers in without Micronaut, whenever the status function is measured.
        // Started just before it, so that the status function is the last warm run of a round (a profile's file).
        List<ColdStarts.Scenario> withWhatIf = new ArrayList<>();
        for (ColdStarts.Scenario scenario : scenarios) {
            if (scenario.name().equals("status")) {
                withWhatIf.add(new ColdStarts.Scenario("status without Micronaut (what-if, not deployed)",
                        scenario.jar(), StatusWithoutMicronaut.class.getName(), scenario.method(), scenario.path(),
                        null, scenario.apiKey(), true));
            }
            withWhatIf.add(scenario);
        }
        scenarios = withWhatIf;
        // -Dbench.candidate=status=/tmp/status-lambda.jar also starts another build of a function's jar, in the
        // same rounds, to compare a change to its start with the landed one (for status, its warm read too).
        String candidate = System.getProperty("bench.candidate", "");
        if (candidate.contains("=")) {
            String module = candidate.substring(0, candidate.indexOf('='));
            ColdStarts.Scenario landed = scenarios.stream().filter(s -> s.name().equals(module)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("bench.candidate names no measured function"));
            List<ColdStarts.Scenario> with = new ArrayList<>(scenarios);
            with.add(new ColdStarts.Scenario(module + " (candidate)", candidate.substring(candidate.indexOf('=') + 1),
                    HANDLER, landed.method(), landed.path(), landed.body(), landed.apiKey(), false));
            scenarios = with;
        }

        // -Dbench.parts=cold,scale,throughput,costs (the default: all) runs some of the parts.
        List<String> parts = List.of(System.getProperty("bench.parts", "cold,scale,throughput,costs").split(","));
        ColdStartReport cold = parts.contains("cold")
                ? new ColdStartReport(new ColdStarts(engine, table).measure(scenarios)) : ColdStartReport.NONE;
        cold.print();
        List<String> scaleRows = parts.contains("scale") ? new ScaleBenchmark().run() : List.of();
        scaleRows.forEach(System.out::println);
        String throughput = parts.contains("throughput") ? new LocalApiThroughput().run() : "";
        System.out.println(throughput);
        List<String> costRows = parts.contains("costs") ? new OperationCosts().run() : List.of();
        costRows.forEach(System.out::println);
        String report = report(cold, scaleRows, throughput, costRows);
        System.out.println();
        System.out.println(report);
        Path results = Path.of("benchmarks", "results", "latest.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, report);
        System.out.println("Written to " + results.toAbsolutePath());
    }

    private static ColdStarts.Scenario function(String module, String method, String path, String body,
                                                String apiKey) {
        return new ColdStarts.Scenario(module, Path.of("functions", module, "target", module + "-lambda.jar").toString(),
                HANDLER, method, path, body, apiKey, false);
    }

    private static ColdStarts.Scenario floor(String client, Class<? extends BareHandler> handler, String path,
                                             String apiKey) {
        return new ColdStarts.Scenario("floor on " + client, null, handler.getName(), "GET", path, null, apiKey, false);
    }

    private static String report(ColdStartReport cold, List<String> scaleRows, String throughput,
                                 List<String> costRows) {
        List<String> lines = new ArrayList<>(List.of(
                "# Benchmarks: cold start, warm overhead, memory, scale and throughput",
                "",
                "Run " + LocalDate.now(Clock.systemUTC()) + " on " + Runtime.getRuntime().availableProcessors()
                        + " cores, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                        + ", with `" + String.join(" ", ColdStarts.LAMBDA_JVM) + "` and the template's JAVA_TOOL_OPTIONS `"
                        + ColdStarts.TEMPLATE_JAVA_OPTIONS + "`, against DynamoDB Local.",
                ""));
        lines.addAll(cold.markdown());
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
                        + " and the capacity units DynamoDB Local reports for them (ReturnConsumedCapacity). The billed"
                        + " columns count as the service bills: DynamoDB Local reports a read that finds nothing as 0"
                        + " units, where the service bills each Query and each item asked by key at least one unit"
                        + " (consistent reads, as all of ours are); it reports a transaction as 4 write units whatever"
                        + " its items, where the service bills 2 units for each item (every item is under 1 KB). On"
                        + " demand at $" + OperationCosts.READ_PRICE + " per million read and $"
                        + OperationCosts.WRITE_PRICE + " per million write request units (us-east-1), on the billed"
                        + " units.",
                "",
                "| operation | calls | read units reported | read units billed | write units reported"
                        + " | write units billed | $ per million |",
                "|---|---|---|---|---|---|---|"));
        lines.addAll(costRows);
        lines.addAll(List.of("",
                "## Goals",
                ""));
        lines.addAll(cold.goals());
        return String.join("\n", lines) + "\n";
    }
}
