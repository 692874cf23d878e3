package io.connectionbroker.benchmarks;

import io.connectionbroker.local.LocalApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local API (README's run command) under {@link #CLIENTS} concurrent clients on loopback for
 * {@link #DURATION}, each repeating the whole flow: register two instances, initiate, accept, read the status.
 */
final class LocalApiThroughput {
    static final int CLIENTS = 8;
    static final Duration DURATION = Duration.ofSeconds(20);
    private static final Pattern API_KEY = Pattern.compile("\"apiKey\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"connection\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong flows = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private URI base;

    /** @return the table row: clients, seconds, flows, requests per second, errors */
    String run() throws Exception {
        Path data = Files.createTempDirectory("throughput-");
        int port = freePort();
        try (LocalApi api = LocalApi.start(port, freePort(), data)) {
            base = URI.create("http://localhost:" + port);
            flow();
            requests.set(0);
            flows.set(0);
            errors.set(0);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            long deadline = System.nanoTime() + DURATION.toNanos();
            long started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        flow();
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            clients.shutdown();
            double seconds = (System.nanoTime() - started) / 1e9;
            return String.format(Locale.ROOT, "| %d | %.0f | %d | %.0f | %d |", CLIENTS, seconds, flows.get(),
                    requests.get() / seconds, errors.get());
        }
    }

    private void flow() {
        try {
            String acme = register();
            String betaUrl = newInstanceUrl();
            String beta = group(API_KEY, send("POST", "/v1/instances", null, registration(betaUrl), 201));
            String initiated = send("POST", "/v1/connections", acme, """
                    {"destination": {"url": "%s"}, "mode": "BASIC", "localShortName": "a", "remoteShortName": "b",
                     "project": "SUPPORT"}""".formatted(betaUrl), 201);
            send("POST", "/v1/invitations/accept", beta, "{\"code\": \"" + group(CODE, initiated)
                    + "\", \"project\": \"HELP\"}", 200);
            send("GET", "/v1/connections/" + group(ID, initiated), acme, null, 200);
            flows.incrementAndGet();
        } catch (IllegalStateException | IOException failed) {
            errors.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String register() throws IOException, InterruptedException {
        return group(API_KEY, send("POST", "/v1/instances", null, registration(newInstanceUrl()), 201));
    }

    private static String newInstanceUrl() {
        return "https://t" + UUID.randomUUID().toString().replace("-", "") + ".zendesk.com";
    }

    /** Registration as README shows it: the local API's stand-in helpdesks confirm local-admin. */
    private static String registration(String url) {
        return """
                {"url": "%s", "proof": {"kind": "OAUTH", "accessToken": "local-admin"}}""".formatted(url);
    }

    private String send(String method, String path, String apiKey, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        requests.incrementAndGet();
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return matcher.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
