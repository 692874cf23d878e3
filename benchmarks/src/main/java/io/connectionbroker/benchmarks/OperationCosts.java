package io.connectionbroker.benchmarks;

import io.connectionbroker.domain.Actor;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.IdempotentRequests;
import io.connectionbroker.domain.RegisterInstance;
import io.connectionbroker.domain.SecureEntropy;
import io.connectionbroker.gateway.GatewayResponse;
import io.connectionbroker.testing.DynamoDbLocalEngine;
import io.connectionbroker.testing.TableSetUp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each operation costs in DynamoDB: its calls, one after another, and the capacity units DynamoDB reports
 * for them ({@code ReturnConsumedCapacity}), through the warm handler; and what that comes to on demand, per
 * million operations and per million connections set up. DynamoDB Local reports the units; the service's own
 * figures may differ (see the report).
 */
final class OperationCosts {
    /**
     * On-demand prices in us-east-1 (https://aws.amazon.com/dynamodb/pricing/on-demand/, since November 2024), in
     * dollars per million request units; other regions cost more.
     */
    static final double READ_PRICE = 0.125;
    static final double WRITE_PRICE = 0.625;
    /** Status reads each side makes of a connection in the per-connection figure. */
    static final int READS_PER_SIDE = 1_000;
    private static final int RUNS = 20;
    private static final Pattern ID = Pattern.compile("\"connection\":\\{\"id\":\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");
    private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");

    private final InProcessApi api;
    private final RegisterInstance register;
    private final IdempotentRequests requests;

    /** One operation's average over its runs. */
    record Cost(String operation, double calls, double readUnits, double billedReadUnits, double writeUnits,
                double billedWriteUnits) {
        double dollarsPerMillion() {
            return billedReadUnits * READ_PRICE + billedWriteUnits * WRITE_PRICE;
        }
    }

    OperationCosts() {
        DynamoDbLocalEngine engine = DynamoDbLocalEngine.shared();
        String table = "costs-" + UUID.randomUUID();
        TableSetUp.ensure(engine.client(), table);
        api = new InProcessApi(engine, table, Map.of(DynamoDbCalls.SETTING, "true"));
        // The context's own store, whose client counts: registration is measured without its helpdesk call.
        ConnectionStore store = api.bean(ConnectionStore.class);
        register = new RegisterInstance(store, SeedingHelpdesks.ADMINISTRATORS, Clock.systemUTC(), new SecureEntropy());
        requests = new IdempotentRequests(store, Clock.systemUTC());
    }

    /** @return the report's rows */
    List<String> run() {
        List<Cost> costs = new ArrayList<>();
        costs.add(measure("register (without its helpdesk call)", () -> register("zendesk")));
        RegisterInstance.Registered acme = register("zendesk");
        List<RegisterInstance.Registered> betas = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            betas.add(register("freshdesk"));
        }
        // Each key's use is recorded once an hour, in a write of its own: done here, outside the figures.
        send("GET", "/v1/instances/me", "", acme, null);
        betas.forEach(beta -> send("GET", "/v1/instances/me", "", beta, null));

        List<String[]> initiated = new ArrayList<>();
        int[] next = {0};
        costs.add(measure("initiate", () -> {
            RegisterInstance.Registered beta = betas.get(next[0]++);
            String answer = send("POST", "/v1/connections", "", acme, "{\"destination\": {\"url\": \""
                    + beta.instance().url().value() + "\"}, \"mode\": \"BASIC\", \"localShortName\": \"acme\","
                    + " \"remoteShortName\": \"beta\", \"project\": \"SUPPORT\"}").body();
            initiated.add(new String[]{find(ID, answer), find(CODE, answer)});
        }));
        next[0] = 0;
        costs.add(measure("accept", () -> {
            int i = next[0]++;
            send("POST", "/v1/invitations/accept", "", betas.get(i), "{\"code\": \"" + initiated.get(i)[1]
                    + "\", \"project\": \"HELP\"}");
        }));
        String id = initiated.get(0)[0];
        costs.add(measure("status read", () -> send("GET", "/v1/connections/" + id, "", acme, null)));
        costs.add(measure("list (20 a page)", () -> send("GET", "/v1/connections", "limit=20", acme, null)));
        String after = find(NEXT, send("GET", "/v1/events", "", acme, null).body());
        costs.add(measure("event poll, nothing new", () -> send("GET", "/v1/events", "after=" + after, acme, null)));
        boolean[] active = {true};
        costs.add(measure("deactivate or activate", () -> {
            send("POST", "/v1/connections/" + id + (active[0] ? "/deactivate" : "/activate"), "", acme, null);
            active[0] = !active[0];
        }));
        api.close();

        List<String> rows = new ArrayList<>();
        for (Cost cost : costs) {
            rows.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f |",
                    cost.operation(), cost.calls(), cost.readUnits(), cost.billedReadUnits(), cost.writeUnits(),
                    cost.billedWriteUnits(), cost.dollarsPerMillion()));
        }
        double perConnection = costOf(costs, "register") * 2 + costOf(costs, "initiate") + costOf(costs, "accept")
                + costOf(costs, "status read") * 2 * READS_PER_SIDE;
        rows.add(String.format(Locale.ROOT, "| **a connection set up**: both sides registered, initiate, accept, %,d"
                + " status reads by each side | | | | | | %.2f |", READS_PER_SIDE, perConnection));
        return rows;
    }

    private static double costOf(List<Cost> costs, String operation) {
        return costs.stream().filter(cost -> cost.operation().startsWith(operation)).findFirst().orElseThrow()
                .dollarsPerMillion();
    }

    private Cost measure(String operation, Runnable run) {
        double calls = 0;
        double reads = 0;
        double billedReads = 0;
        double writes = 0;
        double billedWrites = 0;
        for (int i = 0; i < RUNS; i++) {
            DynamoDbCalls.Tally tally = DynamoDbCalls.count(run);
            calls += tally.calls();
            reads += tally.readUnits();
            billedReads += tally.billedReadUnits();
            writes += tally.writeUnits();
            billedWrites += tally.billedWriteUnits();
        }
        Cost cost = new Cost(operation, calls / RUNS, reads / RUNS, billedReads / RUNS, writes / RUNS,
                billedWrites / RUNS);
        System.out.printf(Locale.ROOT, "costs: %s: %.1f calls, %.1f read units (%.1f billed) and %.1f write units"
                + " (%.1f billed)%n", operation, cost.calls(), cost.readUnits(), cost.billedReadUnits(),
                cost.writeUnits(), cost.billedWriteUnits());
        return cost;
    }

    private RegisterInstance.Registered register(String platform) {
        Supplier<io.connectionbroker.domain.Decision<RegisterInstance.Registered>> decide = register.register(
                SeedingHelpdesks.command("https://c" + UUID.randomUUID().toString().replace("-", "") + "." + platform
                        + ".com"));
        return requests.commit(Actor.ANONYMOUS, decide);
    }

    private GatewayResponse send(String method, String path, String query, RegisterInstance.Registered caller,
                                 String body) {
        GatewayResponse answer = api.send(method, path, query, caller.apiKey().reveal(), body);
        if (answer.status() >= 400) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private static String find(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException(pattern + " not in " + body);
        }
        return matcher.group(1);
    }
}
