package io.connectionbroker.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.connectionbroker.domain.HelpdeskUsers.Administrator;
import io.connectionbroker.domain.HelpdeskUsers.CurrentUser;
import io.connectionbroker.domain.HelpdeskUsers.NotAUser;
import io.connectionbroker.domain.HelpdeskUsers.NotAdministrator;
import io.connectionbroker.domain.InstanceUrl;
import io.connectionbroker.domain.Proof;
import io.connectionbroker.domain.refusal.HelpdeskUnavailable;
import io.connectionbroker.helpdesk.standin.StandInHelpdesks;
import io.micronaut.json.JsonMapper;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The real adapter, over HTTP, against helpdesks that answer as their documentation shows, and as they should not. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpHelpdeskUsersTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private StandInHelpdesks helpdesks;
    private HttpHelpdeskUsers adapter;

    @BeforeAll
    void start() {
        helpdesks = StandInHelpdesks.start(0);
        adapter = new HttpHelpdeskUsers(JSON, helpdesks.endpoint(), Duration.ofSeconds(3));
    }

    @AfterAll
    void stop() {
        helpdesks.close();
    }

    /** One credential of each kind a platform takes, all holding the same secret. */
    static List<Object[]> everyPlatformAndKind() {
        return List.of(
                new Object[] {"https://acme.zendesk.com", (Function<String, Proof>) s -> new Proof.ApiToken("a@acme.test", s)},
                new Object[] {"https://acme.zendesk.com", (Function<String, Proof>) Proof.OAuth::new},
                new Object[] {"https://acme.freshdesk.com", (Function<String, Proof>) Proof.ApiKey::new},
                new Object[] {"https://acme.freshdesk.com", (Function<String, Proof>) Proof.OAuth::new},
                new Object[] {"https://acme.freshservice.com", (Function<String, Proof>) Proof.ApiKey::new},
                new Object[] {"https://acme.freshservice.com", (Function<String, Proof>) Proof.OAuth::new});
    }

    @ParameterizedTest
    @MethodSource("everyPlatformAndKind")
    void anAdministratorsCredentialIsAnAdministrator(String url, Function<String, Proof> proof) {
        assertInstanceOf(Administrator.class, ask(url, proof.apply(StandInHelpdesks.ADMIN)));
    }

    @ParameterizedTest
    @MethodSource("everyPlatformAndKind")
    void anAgentsCredentialIsAValidUserWhoIsNotAnAdministrator(String url, Function<String, Proof> proof) {
        assertInstanceOf(NotAdministrator.class, ask(url, proof.apply(StandInHelpdesks.AGENT)));
    }

    @ParameterizedTest
    @MethodSource("everyPlatformAndKind")
    void aRefusedCredentialIsNoUser(String url, Function<String, Proof> proof) {
        assertEquals("the helpdesk refused the credential",
                assertInstanceOf(NotAUser.class, ask(url, proof.apply("made-up"))).reason());
    }

    @ParameterizedTest
    @MethodSource("everyPlatformAndKind")
    void aFailingHelpdeskIsUnavailable(String url, Function<String, Proof> proof) {
        assertThrows(HelpdeskUnavailable.class, () -> ask(url, proof.apply(StandInHelpdesks.FAILING)));
    }

    @ParameterizedTest
    @MethodSource("everyPlatformAndKind")
    void aBodyThatIsNotWhatTheDocumentationShowsIsUnavailableNeverAnAdministrator(String url,
                                                                                 Function<String, Proof> proof) {
        HelpdeskUnavailable refused = assertThrows(HelpdeskUnavailable.class,
                () -> ask(url, proof.apply(StandInHelpdesks.GARBLED)));
        assertTrue(refused.detail().contains("documentation does not describe"), refused.detail());
    }

    @ParameterizedTest
    @MethodSource("everyPlatformAndKind")
    void aRedirectIsNeverFollowed(String url, Function<String, Proof> proof) {
        CurrentUser user = ask(url, proof.apply(StandInHelpdesks.REDIRECT));

        assertTrue(assertInstanceOf(NotAUser.class, user).reason().contains("redirect"));
        assertEquals(0, helpdesks.redirectsFollowed());
    }

    @Test
    void aZendeskAnswerNamingAnotherAccountIsNoUserOfThisOne() {
        NotAUser user = assertInstanceOf(NotAUser.class,
                ask("https://acme.zendesk.com", new Proof.OAuth(StandInHelpdesks.OTHER_ACCOUNT)));

        assertTrue(user.reason().contains("another account"), user.reason());
    }

    @Test
    void aHungHelpdeskIsUnavailableOnceTheTimeLimitIsSpent() {
        HttpHelpdeskUsers quick = new HttpHelpdeskUsers(JSON, helpdesks.endpoint(), Duration.ofMillis(300));

        HelpdeskUnavailable refused = assertThrows(HelpdeskUnavailable.class,
                () -> quick.currentUser(InstanceUrl.parse("url", "https://acme.zendesk.com"),
                        new Proof.OAuth(StandInHelpdesks.HANG)));

        assertTrue(refused.detail().contains("did not answer within"), refused.detail());
    }

    @Test
    void anUnreachableHelpdeskIsUnavailable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpHelpdeskUsers nowhere = new HttpHelpdeskUsers(JSON, URI.create("http://127.0.0.1:" + closedPort + "/"),
                Duration.ofSeconds(3));

        assertThrows(HelpdeskUnavailable.class, () -> nowhere.currentUser(
                InstanceUrl.parse("url", "https://acme.zendesk.com"), new Proof.OAuth(StandInHelpdesks.ADMIN)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/json"})
    void anAnswerLargerThanAnyDocumentedOneOrNotJsonIsNeverReadAsAnAdministrator(String contentType) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = contentType.equals("text/html")
                ? "<html>{\"user\": {\"role\": \"admin\"}}</html>".getBytes(StandardCharsets.UTF_8)
                : ("{\"user\": {\"id\": 1, \"url\": \"https://acme.zendesk.com/api/v2/users/1.json\", \"role\": \"admin\","
                        + " \"details\": \"" + "x".repeat((int) HttpHelpdeskUsers.MAX_ANSWER_BYTES) + "\"}}")
                        .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            HttpHelpdeskUsers odd = new HttpHelpdeskUsers(JSON,
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), Duration.ofSeconds(3));

            assertThrows(HelpdeskUnavailable.class, () -> odd.currentUser(
                    InstanceUrl.parse("url", "https://acme.zendesk.com"), new Proof.OAuth("anything")));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theCredentialGoesInTheHeaderEachPlatformDocuments() {
        assertEquals("Basic " + base64("a@acme.test/token:secret"),
                HttpHelpdeskUsers.authorization(new Proof.ApiToken("a@acme.test", "secret")));
        assertEquals("Basic " + base64("secret:X"), HttpHelpdeskUsers.authorization(new Proof.ApiKey("secret")));
        assertEquals("Bearer secret", HttpHelpdeskUsers.authorization(new Proof.OAuth("secret")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1:8080/", "http://helpdesks.example.com/", "http://169.254.169.254/"})
    void aStandInOffLoopbackIsRefused(String endpoint) {
        assertThrows(IllegalArgumentException.class,
                () -> new HttpHelpdeskUsers(JSON, URI.create(endpoint), Duration.ofSeconds(3)));
    }

    private CurrentUser ask(String url, Proof proof) {
        return adapter.currentUser(InstanceUrl.parse("url", url), proof);
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
