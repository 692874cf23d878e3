package io.connectionbroker.idempotency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.connectionbroker.domain.SecureEntropy;
import io.connectionbroker.domain.refusal.StoreUnavailable;
import io.connectionbroker.testing.SettableClock;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Kept answers are encrypted with a key derived from the Secrets Manager secret, read through the AWS SDK
 * client Micronaut builds (here pointed at a stand-in speaking Secrets Manager's JSON protocol) on first
 * use, never at start-up.
 */
class SealedAnswersTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:connection-broker-kept-AbCdEf";
    private static final String SECRET = "k8Qw3ZtV9pLmN2xR7cJ5hB1fG6dS4aE0yU8iO3qW9eT2rY7uI5oP1lK6jH4gF0dS";
    /** The secret's value after a change. */
    private static final String CHANGED = SECRET.replace('k', 'K');
    private static final Duration READ_BUDGET = Duration.ofMillis(SecretsManagerClientSettings.DEFAULT_CALL_TIMEOUT_MILLIS);
    private static final byte[] ANSWER = "{\"invitation\":{\"code\":\"cbi_...\"}}".getBytes(StandardCharsets.UTF_8);

    private HttpServer secretsManager;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** How long the stand-in takes to answer each read. */
    private volatile long delayMillis;
    /** The secret's value under each staging label, as Secrets Manager keeps them. */
    private final Map<String, String> versions = new ConcurrentHashMap<>(Map.of("AWSCURRENT", SECRET));

    @BeforeEach
    void startSecretsManager() throws IOException {
        secretsManager = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        secretsManager.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " " + body);
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Matcher stage = Pattern.compile("\"VersionStage\":\"(\\w+)\"").matcher(body);
            String value = versions.get(stage.find() ? stage.group(1) : "AWSCURRENT");
            int status = value == null ? 400 : 200;
            byte[] answer = (value == null
                    ? "{\"__type\": \"ResourceNotFoundException\", \"message\": \"Secrets Manager can't find the"
                            + " specified secret value for staging label\"}"
                    : "{\"ARN\": \"" + ARN + "\", \"Name\": \"connection-broker-kept\", \"SecretString\": \""
                            + value + "\", \"VersionId\": \"v" + value.hashCode() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        // Hung reads must not hold up the retries behind them.
        secretsManager.setExecutor(Executors.newCachedThreadPool());
        secretsManager.start();
    }

    @AfterEach
    void stopSecretsManager() {
        secretsManager.stop(0);
    }

    /** What put-secret-value does: the new value becomes current, the current one previous. */
    private void changeSecretTo(String value) {
        versions.put("AWSPREVIOUS", versions.get("AWSCURRENT"));
        versions.put("AWSCURRENT", value);
    }

    private ApplicationContext functionContext() {
        return functionContext(Map.of());
    }

    private ApplicationContext functionContext(Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.putAll(Map.of(
                "aws.services.secretsmanager.endpoint-override", "http://localhost:" + secretsManager.getAddress().getPort(),
                "aws.region", "us-east-1", "aws.access-key-id", "test", "aws.secret-key", "test",
                "connection-broker.idempotency.secret-arn", ARN));
        // The clock and entropy a function gets from its wiring.
        return ApplicationContext.builder().properties(properties)
                .singletons(Clock.systemUTC(), new SecureEntropy()).start();
    }

    private static SealedAnswers sealedWith(String secret) {
        return new SealedAnswers(new SecretKeys(secret, "", "", null, Clock.systemUTC(), READ_BUDGET),
                new SecureEntropy());
    }

    /** What one function container holds: the key, read through the client the function context builds. */
    private static SealedAnswers container(ApplicationContext context, Clock clock) {
        return container(context, clock, READ_BUDGET);
    }

    private static SealedAnswers container(ApplicationContext context, Clock clock, Duration readBudget) {
        return new SealedAnswers(new SecretKeys("", "", ARN, () -> context.getBean(SecretsManagerClient.class),
                clock, readBudget), new SecureEntropy());
    }

    @Test
    void theSecretIsReadFromSecretsManagerOnFirstUseOnlyAndNeverAtStartUp() {
        try (ApplicationContext context = functionContext()) {
            SealedAnswers sealedAnswers = context.getBean(SealedAnswers.class);
            assertEquals(List.of(), requests, "nothing is read while the function starts");

            byte[] sealed = sealedAnswers.seal(ANSWER, "scope\nkey");
            sealedAnswers.seal(ANSWER, "scope\nkey");

            assertArrayEquals(ANSWER, sealedAnswers.open(sealed, "scope\nkey"));
            assertEquals(List.of("secretsmanager.GetSecretValue {\"SecretId\":\"" + ARN
                    + "\",\"VersionStage\":\"AWSCURRENT\"}"), requests, "one read, of the current version");
            assertArrayEquals(ANSWER, sealedWith(SECRET).open(sealed, "scope\nkey"), "the key comes from that secret");
        }
    }

    @Test
    void aHungSecretsManagerIsGivenUpAfterTheCallTimeoutAsUnavailableAndReadAgainOnTheNextRequest() {
        try (ApplicationContext context = functionContext()) {
            SealedAnswers sealedAnswers = context.getBean(SealedAnswers.class);
            // Each read answers, but only after 3 s: longer than the call may take.
            delayMillis = 3_000;
            StoreUnavailable unavailable = assertThrows(StoreUnavailable.class, () -> sealedAnswers.seal(ANSWER, "s\nk"));

            assertTrue(unavailable.getMessage().contains("same Idempotency-Key"), unavailable.getMessage());
            assertTrue(requests.size() >= 2, "an attempt timed out and was retried: " + requests);

            delayMillis = 0;
            byte[] sealed = sealedAnswers.seal(ANSWER, "s\nk");
            assertArrayEquals(ANSWER, sealedWith(SECRET).open(sealed, "s\nk"), "the secret, read once it answers");
        }
    }

    @Test
    void afterTheSecretChangesAnswersKeptBeforeStillOpenInEveryContainerAndNewOnesUseTheNewValue() {
        SettableClock clock = SettableClock.startingNow();
        try (ApplicationContext context = functionContext()) {
            SealedAnswers running = container(context, clock);
            byte[] keptBefore = running.seal(ANSWER, "acme\nk-1");

            changeSecretTo(CHANGED);
            SealedAnswers started = container(context, clock);
            assertArrayEquals(ANSWER, started.open(keptBefore, "acme\nk-1"), "opened with the previous version");
            byte[] keptAfter = started.seal(ANSWER, "acme\nk-2");
            assertArrayEquals(ANSWER, sealedWith(CHANGED).open(keptAfter, "acme\nk-2"), "sealed with the new value");

            // The container running since before the change read the secret seconds ago: it does not read it
            // again for every answer that fails to open, only after a minute.
            clock.advance(Duration.ofSeconds(30));
            requests.clear();
            assertThrows(IllegalStateException.class, () -> running.open(keptAfter, "acme\nk-2"));
            assertEquals(1, requests.size(), "only the previous version was read: " + requests);
            clock.advance(SecretKeys.REREAD_AFTER);
            assertArrayEquals(ANSWER, running.open(keptAfter, "acme\nk-2"), "read again, it opens");

            // Two changes later, an answer sealed with the first value no longer opens anywhere.
            changeSecretTo(CHANGED.replace('Q', 'q'));
            assertThrows(IllegalStateException.class, () -> container(context, clock).open(keptBefore, "acme\nk-1"));
        }
    }

    @Test
    void aContainerSealsWithAValueItReadLessThanAnHourAgo() {
        SettableClock clock = SettableClock.startingNow();
        try (ApplicationContext context = functionContext()) {
            SealedAnswers running = container(context, clock);
            running.seal(ANSWER, "s\nk");
            changeSecretTo(CHANGED);

            clock.advance(SecretKeys.REFRESH_AFTER.minusSeconds(1));
            assertArrayEquals(ANSWER, sealedWith(SECRET).open(running.seal(ANSWER, "s\nk"), "s\nk"));
            clock.advance(Duration.ofSeconds(1));
            assertArrayEquals(ANSWER, sealedWith(CHANGED).open(running.seal(ANSWER, "s\nk"), "s\nk"));
        }
    }

    @Test
    void theReadsOfOneRequestTogetherTakeNoLongerThanOneCallMay() {
        changeSecretTo(CHANGED);
        byte[] keptBefore = sealedWith(SECRET).seal(ANSWER, "s\nk");
        // Each read alone is well within the client's limits, but opening needs two of them: the current
        // version, which does not open the answer, then the previous one. 2 s each, 3 s for both.
        delayMillis = 2_000;
        try (ApplicationContext context = functionContext(Map.of(
                "connection-broker.secrets-manager.attempt-timeout", "10s",
                "connection-broker.secrets-manager.call-timeout", "10s"))) {
            SealedAnswers fresh = container(context, SettableClock.startingNow(), Duration.ofSeconds(3));

            assertThrows(StoreUnavailable.class, () -> fresh.open(keptBefore, "s\nk"));

            delayMillis = 0;
            assertArrayEquals(ANSWER, fresh.open(keptBefore, "s\nk"), "sent again, it opens");
        }
    }

    @Test
    void anAnswerIsEncryptedAndOpensOnlyUnalteredForItsOwnScopeAndKeyWithItsOwnSecret() {
        SealedAnswers sealedAnswers = sealedWith(SECRET);
        byte[] sealed = sealedAnswers.seal(ANSWER, "acme\nk-1");

        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("invitation"), "no plain text");
        assertFalse(java.util.Arrays.equals(sealed, sealedAnswers.seal(ANSWER, "acme\nk-1")), "a fresh nonce each time");
        assertThrows(IllegalStateException.class, () -> sealedAnswers.open(sealed, "beta\nk-1"));
        assertThrows(IllegalStateException.class, () -> sealedAnswers.open(sealed, "acme\nk-2"));
        assertThrows(IllegalStateException.class, () -> sealedWith(CHANGED).open(sealed, "acme\nk-1"));
        byte[] altered = sealed.clone();
        altered[altered.length / 2] ^= 1;
        assertThrows(IllegalStateException.class, () -> sealedAnswers.open(altered, "acme\nk-1"));
    }

    @Test
    void withoutASecretOrWithAShortOneNothingIsSealed() {
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> sealedWith("").seal(ANSWER, "c"));
        assertEquals(true, none.getMessage().contains("connection-broker.idempotency.secret-arn"), none.getMessage());
        assertThrows(IllegalStateException.class, () -> sealedWith("short").seal(ANSWER, "c"));
    }
}
