package io.connectionbroker.helpdesk.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every Zendesk, Freshdesk and Freshservice instance's current-user API, as the platforms' documentation shows
 * it, on loopback: what the local run and the tests ask in place of the real helpdesks. The instance asked about
 * is named in a {@code Forwarded: host=...} header.
 *
 * <p>What a credential (Zendesk's {@code token}, Freshworks' {@code apiKey}, or an OAuth {@code accessToken})
 * is, for every instance:
 * <ul>
 *   <li>{@value #ADMIN}: an administrator of the instance; {@value #AGENT}: a user who is not;</li>
 *   <li>for the tests of what can go wrong: {@value #HANG} never answers, {@value #REDIRECT} is redirected to a
 *       page that would say "administrator" if the redirect were followed, {@value #FAILING} gets a 500,
 *       {@value #GARBLED} a 200 whose body is not what the documentation shows, {@value #OTHER_ACCOUNT} a
 *       Zendesk administrator of another account;</li>
 *   <li>anything else: refused with 401, as the platforms refuse a wrong credential.</li>
 * </ul>
 */
public final class StandInHelpdesks implements AutoCloseable {
    public static final String ADMIN = "local-admin";
    public static final String AGENT = "local-agent";
    public static final String HANG = "standin-hang";
    public static final String REDIRECT = "standin-redirect";
    public static final String FAILING = "standin-failing";
    public static final String GARBLED = "standin-garbled";
    public static final String OTHER_ACCOUNT = "standin-other-account";
    /** Where {@value #REDIRECT} is sent: it answers as an administrator's current-user call would. */
    static final String REDIRECT_TARGET = "/followed";

    private final HttpServer server;
    private final ExecutorService workers;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger redirectsFollowed = new AtomicInteger();

    private StandInHelpdesks(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "stand-in-helpdesk");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", this::answer);
        server.start();
    }

    /** @param port 0 for any free port */
    public static StandInHelpdesks start(int port) {
        try {
            return new StandInHelpdesks(port);
        } catch (IOException e) {
            throw new IllegalStateException("the stand-in helpdesks could not listen on port " + port, e);
        }
    }

    /** What the broker's helpdesk adapter is pointed at. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** How many requests were answered or are being answered. */
    public int requests() {
        return requests.get();
    }

    /** How many times a redirect this stand-in answered was followed (never, by a careful client). */
    public int redirectsFollowed() {
        return redirectsFollowed.get();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        workers.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            String host = forwardedHost(exchange.getRequestHeaders().getFirst("Forwarded"));
            if (path.equals(REDIRECT_TARGET)) {
                redirectsFollowed.incrementAndGet();
                send(exchange, 200, DocumentedAnswers.zendeskUser(host == null ? "elsewhere.zendesk.com" : host, "admin"));
                return;
            }
            String platform = host == null ? null : platformOf(host);
            if (platform == null) {
                send(exchange, 400, "{\"error\": \"the stand-in is told the instance's host in Forwarded: host=...\"}");
                return;
            }
            String credential = credential(exchange.getRequestHeaders().getFirst("Authorization"), platform);
            switch (credential) {
                case HANG -> {
                    awaitClose();
                    return;
                }
                case REDIRECT -> {
                    exchange.getResponseHeaders().set("Location", REDIRECT_TARGET);
                    send(exchange, 302, "");
                    return;
                }
                case FAILING -> {
                    send(exchange, 500, "{\"error\": \"InternalError\"}");
                    return;
                }
                case GARBLED -> {
                    send(exchange, 200, "{\"unexpected\": [1, 2, 3]}");
                    return;
                }
                default -> {
                }
            }
            String role = switch (credential) {
                case ADMIN -> "admin";
                case AGENT -> "agent";
                case OTHER_ACCOUNT -> platform.equals("zendesk") ? "other-account" : "refused";
                default -> "refused";
            };
            Answer answer = switch (platform) {
                case "zendesk" -> DocumentedAnswers.zendesk(path, host, role);
                case "freshdesk" -> DocumentedAnswers.freshdesk(path, role);
                default -> DocumentedAnswers.freshservice(path, role);
            };
            send(exchange, answer.status(), answer.body());
        }
    }

    /** A status and a JSON body. */
    record Answer(int status, String body) {
    }

    private void awaitClose() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String forwardedHost(String forwarded) {
        if (forwarded == null) {
            return null;
        }
        for (String part : forwarded.split(";")) {
            String trimmed = part.strip();
            if (trimmed.startsWith("host=")) {
                return trimmed.substring("host=".length());
            }
        }
        return null;
    }

    private static String platformOf(String host) {
        for (String platform : new String[] {"zendesk", "freshdesk", "freshservice"}) {
            if (host.endsWith("." + platform + ".com")) {
                return platform;
            }
        }
        return null;
    }

    /** The secret part of the Authorization header, as each platform's API reads it. */
    private static String credential(String authorization, String platform) {
        if (authorization == null) {
            return "";
        }
        if (authorization.startsWith("Bearer ")) {
            return authorization.substring("Bearer ".length());
        }
        if (!authorization.startsWith("Basic ")) {
            return "";
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
        if (platform.equals("zendesk")) {
            int token = decoded.indexOf("/token:");
            return token < 0 ? "" : decoded.substring(token + "/token:".length());
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? "" : decoded.substring(0, colon);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
