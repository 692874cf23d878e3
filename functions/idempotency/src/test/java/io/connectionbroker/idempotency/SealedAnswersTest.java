package io.connectionbroker.idempotency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.connectionbroker.domain.SecureEntropy;
import io.connectionbroker.domain.StoreUnavailable;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kept answers are encrypted with a key derived from the Secrets Manager secret, read through the AWS SDK
 * client Micronaut builds (here pointed at a stand-in speaking Secrets Manager's JSON protocol) on first
 * use, never at start-up.
 */
class SealedAnswersTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:connection-broker-kept-AbCdEf";
    private static final String SECRET = "k8Qw3ZtV9pLmN2xR7cJ5hB1fG6dS4aE0yU8iO3qW9eT2rY7uI5oP1lK6jH4gF0dS";
    private static final byte[] ANSWER = "{\"invitation\":{\"code\":\"cbi_...\"}}".getBytes(StandardCharsets.UTF_8);

    private HttpServer secretsManager;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicBoolean hung = new AtomicBoolean();

    @BeforeEach
    void startSecretsManager() throws IOException {
        secretsManager = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        secretsManager.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " " + body);
            if (hung.get()) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] answer = ("{\"ARN\": \"" + ARN + "\", \"Name\": \"connection-broker-kept\", \"SecretString\": \""
                    + SECRET + "\", \"VersionId\": \"v1\", \"VersionStages\": [\"AWSCURRENT\"]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, answer.length);
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

    private ApplicationContext functionContext() {
        return ApplicationContext.run(Map.of(
                "aws.services.secretsmanager.endpoint-override", "http://localhost:" + secretsManager.getAddress().getPort(),
                "aws.region", "us-east-1", "aws.access-key-id", "test", "aws.secret-key", "test",
                "connection-broker.idempotency.secret-arn", ARN));
    }

    private static SealedAnswers sealedWith(String secret) {
        return new SealedAnswers(new AnswerSealingKey(secret, "", null), new SecureEntropy());
    }

    @Test
    void theSecretIsReadFromSecretsManagerOnFirstUseOnlyAndNeverAtStartUp() {
        try (ApplicationContext context = functionContext()) {
            SealedAnswers sealedAnswers = context.getBean(SealedAnswers.class);
            assertEquals(List.of(), requests, "nothing is read while the function starts");

            byte[] sealed = sealedAnswers.seal(ANSWER, "scope\nkey");
            sealedAnswers.seal(ANSWER, "scope\nkey");

            assertArrayEquals(ANSWER, sealedAnswers.open(sealed, "scope\nkey"));
            assertEquals(List.of("secretsmanager.GetSecretValue {\"SecretId\":\"" + ARN + "\"}"), requests);
            assertArrayEquals(ANSWER, sealedWith(SECRET).open(sealed, "scope\nkey"), "the key comes from that secret");
        }
    }

    @Test
    void aHungSecretsManagerIsGivenUpAfterTheCallTimeoutAsUnavailableAndReadAgainOnTheNextRequest() {
        try (ApplicationContext context = functionContext()) {
            SealedAnswers sealedAnswers = context.getBean(SealedAnswers.class);
            // Each read answers, but only after 3 s: longer than the call may take.
            hung.set(true);
            StoreUnavailable unavailable = assertThrows(StoreUnavailable.class, () -> sealedAnswers.seal(ANSWER, "s\nk"));

            assertTrue(unavailable.getMessage().contains("same Idempotency-Key"), unavailable.getMessage());
            assertTrue(requests.size() >= 2, "an attempt timed out and was retried: " + requests);

            hung.set(false);
            byte[] sealed = sealedAnswers.seal(ANSWER, "s\nk");
            assertArrayEquals(ANSWER, sealedWith(SECRET).open(sealed, "s\nk"), "the secret, read once it answers");
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
        assertThrows(IllegalStateException.class, () -> sealedWith(SECRET.replace('k', 'K')).open(sealed, "acme\nk-1"));
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
