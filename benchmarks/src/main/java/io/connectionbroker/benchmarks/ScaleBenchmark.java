package io.connectionbroker.benchmarks;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.IdempotentRequests;
import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance;
import io.connectionbroker.domain.SecureEntropy;
import io.connectionbroker.gateway.GatewayResponse;
import io.connectionbroker.store.dynamodb.DynamoDbConnectionStore;
import io.connectionbroker.testing.DynamoDbLocalEngine;
import io.connectionbroker.testing.TableSetUp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * Accept, status and list latency through the warm handler with 1,000 and then 100,000 connections in the
 * table; the listing instance owns 100 of the first and 10,000 of the second. Every read is a key lookup
 * or a key query, so the medians should not move with the table.
 */
final class ScaleBenchmark {
    static final int SMALL = 1_000;
    static final int LARGE = 100_000;
    private static final int SAMPLES = 300;
    private static final int FILL_THREADS = 8;
    private static final int OTHER_INSTANCES = 99;

    private final DynamoDbConnectionStore store;
    private final RegisterInstance register;
    private final IdempotentRequests requests;
    private final InitiateConnection initiate;
    private final InProcessApi api;
    private final RegisterInstance.Registered owner;
    private final RegisterInstance.Registered acceptor;
    private final List<Instance> others = new ArrayList<>();
    private final List<String> ownerConnections = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int connections;

    ScaleBenchmark() {
        DynamoDbLocalEngine engine = DynamoDbLocalEngine.shared();
        String table = "scale-" + UUID.randomUUID();
        TableSetUp.ensure(engine.client(), table);
        // Seeding appends to ten feeds from eight threads: it may wait its turn far longer than a request may.
        store = new DynamoDbConnectionStore(engine.client(), table, java.time.Duration.ofMinutes(2));
        Clock clock = Clock.systemUTC();
        SecureEntropy entropy = new SecureEntropy();
        register = new RegisterInstance(store, SeedingHelpdesks.ADMINISTRATORS, clock, entropy);
        initiate = new InitiateConnection(store, clock, entropy, InitiateConnection.DEFAULT_INVITATION_LIFETIME);
        requests = new IdempotentRequests(store, clock);
        owner = instance(Platform.ZENDESK);
        acceptor = instance(Platform.ZENDESK);
        // Many initiators, so that the seeding threads seldom append to the same feed at once.
        for (int i = 0; i < OTHER_INSTANCES; i++) {
            others.add(instance(Platform.FRESHDESK).instance());
        }
        api = new InProcessApi(engine, table);
    }

    private RegisterInstance.Registered instance(Platform platform) {
        return requests.commit(io.connectionbroker.domain.Actor.ANONYMOUS, register.register(SeedingHelpdesks.command("https://b"
                + UUID.randomUUID().toString().replace("-", "") + "." + platform.host())));
    }

    /** @return the table's rows: operation, medians at each size, their ratio */
    List<String> run() throws Exception {
        long started = System.nanoTime();
        fill(SMALL / 10, SMALL);
        double[] small = measure();
        long filling = System.nanoTime();
        fill(LARGE / 10, LARGE);
        System.out.printf(Locale.ROOT, "scale: filled %,d connections in %.0f s%n", connections,
                (System.nanoTime() - filling) / 1e9);
        double[] large = measure();
        api.close();
        System.out.printf(Locale.ROOT, "scale: %.0f s in all%n", (System.nanoTime() - started) / 1e9);
        String[] names = {"accept", "status", "list (first page of 50)"};
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            rows.add(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |", names[i], small[i], large[i],
                    large[i] / small[i]));
        }
        return rows;
    }

    /** Adds private connections until the table holds {@code total}, the owner's share up to {@code owned}. */
    private void fill(int owned, int total) throws Exception {
        int ownerMissing = owned - ownerConnections.size();
        int missing = total - connections;
        ExecutorService pool = Executors.newFixedThreadPool(FILL_THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < FILL_THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = thread; i < missing; i += FILL_THREADS) {
                        // The owner's share spread through the run, so that the threads rarely append to one feed.
                        boolean owners = ownerMissing > 0 && i % (missing / ownerMissing) == 0
                                && i / (missing / ownerMissing) < ownerMissing;
                        Instance initiator = owners ? owner.instance() : others.get(i % others.size());
                        Connection connection = requests.commit(io.connectionbroker.domain.Actor.ANONYMOUS, () -> initiate.initiate(initiator,
                                new InitiateConnection.Command(null, true, Mode.BASIC, "src", "dst", null, null,
                                        "SUPPORT"))).connection();
                        if (initiator == owner.instance()) {
                            ownerConnections.add(connection.id());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        connections = total;
    }

    /** Median milliseconds of accept, status and list, each over {@link #SAMPLES} requests after as many to warm. */
    private double[] measure() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 2 * SAMPLES; i++) {
            codes.add(requests.commit(io.connectionbroker.domain.Actor.ANONYMOUS, () -> initiate.initiate(owner.instance(), new InitiateConnection.Command(
                    acceptor.instance().url().value(), false, Mode.BASIC, "src", "dst", null, null, "SUPPORT")))
                    .code().reveal());
        }
        connections += codes.size();
        String ownerKey = owner.apiKey().reveal();
        double accept = median(i -> api.send("POST", "/v1/invitations/accept", "", acceptor.apiKey().reveal(),
                "{\"code\": \"" + codes.get(i) + "\", \"project\": \"HELP\"}"), 200);
        double status = median(i -> api.send("GET", "/v1/connections/"
                + ownerConnections.get(ThreadLocalRandom.current().nextInt(ownerConnections.size())), "", ownerKey,
                null), 200);
        double list = median(i -> api.send("GET", "/v1/connections", "limit=50", ownerKey, null), 200);
        return new double[] {accept, status, list};
    }

    private static double median(IntFunction<GatewayResponse> request, int expected) {
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < 2 * SAMPLES; i++) {
            long start = System.nanoTime();
            GatewayResponse response = request.apply(i);
            if (response.status() != expected) {
                throw new IllegalStateException("answered " + response.status() + ": " + response.body());
            }
            if (i >= SAMPLES) {
                nanos[i - SAMPLES] = System.nanoTime() - start;
            }
        }
        java.util.Arrays.sort(nanos);
        return nanos[SAMPLES / 2] / 1e6;
    }
}
