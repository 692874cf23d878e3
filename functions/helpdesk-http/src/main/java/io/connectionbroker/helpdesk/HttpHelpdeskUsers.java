package io.connectionbroker.helpdesk;

import io.connectionbroker.domain.HelpdeskUsers;
import io.connectionbroker.domain.InstanceUrl;
import io.connectionbroker.domain.Proof;
import io.connectionbroker.domain.refusal.HelpdeskUnavailable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the helpdesk at an instance URL who a credential belongs to, through the platform's documented
 * current-user endpoint (see {@link CurrentUserAnswers} for the endpoints, the documents and how each answer
 * is read).
 *
 * <p>Outbound calls are an attack surface, so: the only host ever called is the instance's own
 * {@code <account>.<platform host>} (an {@link InstanceUrl} can be nothing else), over https; redirects are
 * never followed, so the credential goes nowhere else; all calls of one check share one time limit; and the
 * caller learns nothing of the answer beyond the verdict. A stand-in endpoint on loopback may take the
 * helpdesks' place for the local run and the tests (there is no internet there): it is told the instance's
 * host in a {@code Forwarded} header, and no other endpoint is accepted.
 */
public final class HttpHelpdeskUsers implements HelpdeskUsers {
    /** How long all the calls of one check may take together, unless configured otherwise. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(3);
    /** The most of an answer that is read; the documented answers are a few kilobytes. */
    static final long MAX_ANSWER_BYTES = 256 * 1024;
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private final JsonMapper json;
    private final URI standIn;
    private final Duration timeLimit;
    private volatile HttpClient client;

    /**
     * @param standIn   null in AWS; else an {@code http://} endpoint on loopback that answers as the helpdesks do
     * @param timeLimit how long all the calls of one check may take together
     * @throws IllegalArgumentException when {@code standIn} is not on loopback
     */
    public HttpHelpdeskUsers(JsonMapper json, URI standIn, Duration timeLimit) {
        if (standIn != null && !LOOPBACK.contains(String.valueOf(standIn.getHost()))) {
            throw new IllegalArgumentException("a stand-in for the helpdesks must be on loopback");
        }
        this.json = json;
        this.standIn = standIn;
        this.timeLimit = timeLimit;
    }

    @Override
    public CurrentUser currentUser(InstanceUrl instance, Proof proof) {
        Calls calls = new Calls(instance, proof, System.nanoTime() + timeLimit.toNanos());
        return switch (instance.platform()) {
            case ZENDESK -> CurrentUserAnswers.zendesk(calls, instance);
            case FRESHDESK -> CurrentUserAnswers.freshdesk(calls);
            case FRESHSERVICE -> CurrentUserAnswers.freshservice(calls);
        };
    }

    /** An answer: its status, and its body as JSON where it is JSON (else null). */
    record Answer(int status, JsonNode body) {
        boolean isRedirect() {
            return status >= 300 && status < 400;
        }
    }

    /** The GET requests of one check: to one instance, with one credential, before one deadline. */
    final class Calls {
        private final InstanceUrl instance;
        private final String authorization;
        private final long deadline;

        private Calls(InstanceUrl instance, Proof proof, long deadline) {
            this.instance = instance;
            this.authorization = authorization(proof);
            this.deadline = deadline;
        }

        /**
         * @param path the endpoint's path on the instance, with its query
         * @throws HelpdeskUnavailable when no answer came within the time left, or the connection failed
         */
        Answer get(String path) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw tooSlow();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target(path)).GET()
                    .timeout(Duration.ofNanos(left))
                    .header("Accept", "application/json")
                    .header("User-Agent", "connection-broker")
                    .header("Authorization", authorization);
            if (standIn != null) {
                request.header("Forwarded", "host=" + instance.host() + ";proto=https");
            }
            CompletableFuture<HttpResponse<byte[]>> sent =
                    client().sendAsync(request.build(), HttpHelpdeskUsers::boundedBody);
            try {
                HttpResponse<byte[]> response = sent.get(left, TimeUnit.NANOSECONDS);
                return new Answer(response.statusCode(), parse(response));
            } catch (TimeoutException e) {
                sent.cancel(true);
                throw tooSlow();
            } catch (ExecutionException e) {
                throw new HelpdeskUnavailable(e.getCause() instanceof java.net.http.HttpTimeoutException
                        ? "it did not answer within " + timeLimit.toSeconds() + " seconds"
                        : "it could not be reached");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw tooSlow();
            }
        }

        private HelpdeskUnavailable tooSlow() {
            return new HelpdeskUnavailable("it did not answer within " + timeLimit.toSeconds() + " seconds");
        }

        private URI target(String path) {
            return standIn != null ? standIn.resolve(path) : URI.create(instance.value() + path);
        }
    }

    private JsonNode parse(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        boolean isJson = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        if (body == null || body.length == 0 || !isJson) {
            return null;
        }
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The body, or an empty one when it says it is larger than any documented answer. */
    private static HttpResponse.BodySubscriber<byte[]> boundedBody(HttpResponse.ResponseInfo info) {
        return info.headers().firstValueAsLong("Content-Length").orElse(0) > MAX_ANSWER_BYTES
                ? HttpResponse.BodySubscribers.replacing(new byte[0])
                : HttpResponse.BodySubscribers.ofByteArray();
    }

    /** Made on first use, never while the function starts: nothing of it belongs in a SnapStart snapshot. */
    private HttpClient client() {
        HttpClient made = client;
        if (made == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(timeLimit)
                            .build();
                }
                made = client;
            }
        }
        return made;
    }

    /** The documented Authorization header of each kind of credential. */
    static String authorization(Proof proof) {
        if (proof instanceof Proof.ApiToken token) {
            return basic(token.email() + "/token:" + token.token());
        }
        if (proof instanceof Proof.ApiKey key) {
            return basic(key.apiKey() + ":X");
        }
        return "Bearer " + ((Proof.OAuth) proof).accessToken();
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
