package io.connectionbroker.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.AcceptInvitation;
import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.IdempotentRequests;
import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Proof;
import io.connectionbroker.domain.RegisterInstance;
import io.connectionbroker.domain.SecureEntropy;
import io.connectionbroker.helpdesk.HttpHelpdeskUsers;
import io.connectionbroker.helpdesk.standin.StandInHelpdesks;
import io.connectionbroker.store.dynamodb.DynamoDbConnectionStore;
import io.connectionbroker.testing.DynamoDbLocalEngine;
import io.connectionbroker.testing.TableSetUp;
import io.connectionbroker.wiring.FunctionHandler;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every function's deployable jar, as the build makes it and the template deploys it, started in a fresh
 * JVM of its own with nothing else on the class path, answers a request of its own route against DynamoDB
 * Local, and logs it as one JSON line. The function tests run the same code from the module class path;
 * this proves what the shade plugin packs (and what it leaves out to start faster), and what Micronaut AOT
 * adds to it, still works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployedJarsTest {
    private record Request(String method, String path, String apiKey, String body, int status, String route) {
    }

    private final DynamoDbLocalEngine engine = DynamoDbLocalEngine.shared();
    private final String table = DynamoDbLocalEngine.uniqueTableName("deployed-jars");
    private final JsonMapper json = JsonMapper.createDefault();
    private final Map<String, Request> requests = new LinkedHashMap<>();
    /** What the instances function asks when it registers: no helpdesk is reachable from here. */
    private final StandInHelpdesks helpdesks = StandInHelpdesks.start(0);

    @AfterAll
    void stopHelpdesks() {
        helpdesks.close();
    }

    @BeforeAll
    void seed() {
        TableSetUp.ensure(engine.client(), table);
        DynamoDbConnectionStore store = new DynamoDbConnectionStore(engine.client(), table);
        Clock clock = Clock.systemUTC();
        SecureEntropy entropy = new SecureEntropy();
        IdempotentRequests runner = new IdempotentRequests(store, clock);
        RegisterInstance register = new RegisterInstance(store, new HttpHelpdeskUsers(json, helpdesks.endpoint(),
                Duration.ofSeconds(3)), clock, entropy);
        Proof admin = new Proof.OAuth(StandInHelpdesks.ADMIN);
        RegisterInstance.Registered acme = runner.commit(io.connectionbroker.domain.Actor.ANONYMOUS, register.register(new RegisterInstance.Command(
                "https://acme.zendesk.com", null, true, admin)));
        RegisterInstance.Registered beta = runner.commit(io.connectionbroker.domain.Actor.ANONYMOUS, register.register(new RegisterInstance.Command(
                "https://beta.zendesk.com", null, true, admin)));
        InitiateConnection initiate = new InitiateConnection(store, clock, entropy,
                InitiateConnection.DEFAULT_INVITATION_LIFETIME);
        InitiateConnection.Command toBeta = new InitiateConnection.Command(
                "https://beta.zendesk.com", false, Mode.BASIC, "acme", "beta", null, null, "SUPPORT");
        String invited = runner.commit(io.connectionbroker.domain.Actor.ANONYMOUS, () -> initiate.initiate(acme.instance(), toBeta)).code().reveal();
        String active = runner.commit(io.connectionbroker.domain.Actor.ANONYMOUS, () -> new AcceptInvitation(store, clock).accept(beta.instance(),
                new AcceptInvitation.Command(invited, "HELP"))).id();
        String toAccept = runner.commit(io.connectionbroker.domain.Actor.ANONYMOUS, () -> initiate.initiate(acme.instance(), toBeta)).code().reveal();
        String toDecline = runner.commit(io.connectionbroker.domain.Actor.ANONYMOUS, () -> initiate.initiate(acme.instance(), toBeta)).code().reveal();
        Connection toDelete = runner.commit(io.connectionbroker.domain.Actor.ANONYMOUS, () -> initiate.initiate(acme.instance(), toBeta)).connection();
        String acmeKey = acme.apiKey().reveal();
        String betaKey = beta.apiKey().reveal();

        requests.put("instances", new Request("POST", "/v1/instances", "-",
                "{\"url\": \"https://gamma.freshdesk.com\", \"proof\": {\"kind\": \"API_KEY\", \"apiKey\": \""
                        + StandInHelpdesks.ADMIN + "\"}}",
                201, "/v1/instances"));
        requests.put("initiate", new Request("POST", "/v1/connections", acmeKey,
                "{\"destination\": {\"url\": \"https://beta.zendesk.com\"}, \"mode\": \"SCRIPT\","
                        + " \"localShortName\": \"a\", \"remoteShortName\": \"b\", \"project\": \"SUPPORT\"}",
                201, "/v1/connections"));
        requests.put("accept", new Request("POST", "/v1/invitations/accept", betaKey,
                "{\"code\": \"" + toAccept + "\", \"project\": \"HELP\"}", 200, "/v1/invitations/accept"));
        requests.put("decline", new Request("POST", "/v1/invitations/decline", betaKey,
                "{\"code\": \"" + toDecline + "\"}", 200, "/v1/invitations/decline"));
        requests.put("status", new Request("GET", "/v1/connections/" + active, betaKey, null, 200,
                "/v1/connections/{id}"));
        requests.put("rules", new Request("GET", "/v1/connections/" + active + "/rules", acmeKey, null, 200,
                "/v1/connections/{id}/rules"));
        requests.put("upgrade", new Request("POST", "/v1/connections/" + active + "/upgrade", acmeKey,
                "{\"mode\": \"VISUAL\"}", 200, "/v1/connections/{id}/upgrade"));
        requests.put("activation", new Request("POST", "/v1/connections/" + active + "/deactivate", acmeKey, null,
                200, "/v1/connections/{id}/deactivate"));
        requests.put("delete", new Request("DELETE", "/v1/connections/" + toDelete.id(), acmeKey, null, 204,
                "/v1/connections/{id}"));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyFunctionJarAnswersItsRouteAndLogsOneJsonLine() throws Exception {
        assertEquals(TemplateMatchesCodeTest.lambdaModules(), new TreeSet<>(requests.keySet()),
                "a request for every function module that builds a Lambda jar");
        for (Map.Entry<String, Request> entry : requests.entrySet()) {
            String module = entry.getKey();
            Request request = entry.getValue();
            List<String> output = run(module, request);
            String answered = output.stream().filter(line -> line.startsWith("ANSWERED ")).findFirst()
                    .orElseThrow(() -> new AssertionError(module + " answered nothing:\n" + String.join("\n", output)));
            assertEquals(request.status(), Integer.parseInt(answered.split(" ")[1]),
                    module + " answered " + answered + "\n" + String.join("\n", output));
            JsonNode logged = requestLogLine(module, output);
            assertEquals(request.route(), logged.get("route").getStringValue(), module + ": " + logged);
            assertEquals(Integer.toString(request.status()), logged.get("status").getStringValue(), module + ": " + logged);
            assertEquals("INFO", logged.get("level").getStringValue(), module + ": " + logged);
            assertFalse(output.stream().anyMatch(line -> line.startsWith("SLF4J")),
                    module + " found no logging provider:\n" + String.join("\n", output));
        }
    }

    @Test
    void noFunctionJarHoldsTheTableSetUpOrTheStandInHelpdesks() throws IOException {
        for (String module : TemplateMatchesCodeTest.lambdaModules()) {
            for (String name : LambdaJarFiles.entryNames(LambdaJarFiles.of(module))) {
                assertFalse(name.startsWith("io/connectionbroker/testing/")
                        || name.startsWith("io/connectionbroker/helpdesk/standin/"), module + " holds " + name);
            }
        }
    }

    /**
     * Micronaut AOT settles bean requirements when the jar is built (see functions/lambda-aot.properties).
     * Started as Lambda starts it, each function must end up with exactly the beans the same jar gives
     * without the generated classes, and must really use them.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void micronautAotLeavesEveryFunctionTheBeansItHasWithout(@TempDir Path scratch) throws Exception {
        for (String module : TemplateMatchesCodeTest.lambdaModules()) {
            Path withoutAot = scratch.resolve(module + "-without-aot.jar");
            LambdaJarFiles.copyWithoutAot(module, withoutAot);
            List<String> optimised = runJar(module, LambdaJarFiles.of(module), DeployedJarBeans.class, List.of());
            List<String> plain = runJar(module, withoutAot, DeployedJarBeans.class, List.of());
            assertEquals(List.of("AOT true"), linesStartingWith(optimised, "AOT "),
                    module + " does not use Micronaut AOT's service lists:\n" + String.join("\n", optimised));
            assertEquals(List.of("AOT false"), linesStartingWith(plain, "AOT "), module + " without AOT");
            assertEquals(List.of(), LambdaJarFiles.entryNames(LambdaJarFiles.of(module)).stream()
                    .filter(name -> name.startsWith("META-INF/micronaut/")).toList(),
                    module + " lists its services in META-INF/micronaut too, which each start would walk");
            List<String> beans = linesStartingWith(plain, "ENVIRONMENTS ", "BEAN ");
            assertTrue(beans.size() > 50, module + " started with few beans:\n" + String.join("\n", plain));
            assertEquals(beans, linesStartingWith(optimised, "ENVIRONMENTS ", "BEAN "),
                    module + ": Micronaut AOT changed the function's beans");
        }
    }

    /** The function's own request log line, from its stdout: JSON, with the MDC fields at the top level. */
    private JsonNode requestLogLine(String module, List<String> output) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output) {
            if (line.startsWith("{\"timestamp\"")) {
                JsonNode node = json.readValue(line, JsonNode.class);
                if ("io.connectionbroker.web.telemetry.RequestLog".equals(node.get("loggerName").getStringValue())) {
                    lines.add(node);
                }
            }
        }
        assertEquals(1, lines.size(), module + " logged one request line:\n" + String.join("\n", output));
        return lines.get(0);
    }

    /**
     * Started for a waiting request (on demand), a function makes the singletons its first request needs and
     * no others; started for a snapshot, it makes them all, so that the snapshot holds them.
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void onlyAStartForASnapshotMakesEverySingletonAhead() throws Exception {
        Request read = requests.get("status");
        List<String> onDemand = linesStartingWith(run("status", read, "on-demand"), "MADE ");
        List<String> snapshot = linesStartingWith(run("status", read, "snap-start"), "MADE ");
        assertTrue(onDemand.get(0).contains("ViewConnection"), onDemand.toString());
        assertFalse(onDemand.get(0).contains("AcceptInvitation"), "status made another function's operation: " + onDemand);
        assertTrue(snapshot.get(0).contains("AcceptInvitation"), "a snapshot start made every singleton: " + snapshot);
    }

    private List<String> run(String module, Request request) throws IOException, InterruptedException {
        return run(module, request, "on-demand");
    }

    /** @param initialization what Lambda tells the function of its start (AWS_LAMBDA_INITIALIZATION_TYPE) */
    private List<String> run(String module, Request request, String initialization)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(FunctionHandler.class.getName(),
                request.method(), request.path(), request.apiKey()));
        if (request.body() != null) {
            arguments.add(request.body());
        }
        return runJar(module, LambdaJarFiles.of(module), DeployedJarRequest.class, arguments,
                Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", initialization));
    }

    /** Runs a probe class in a fresh JVM with the Lambda runtime's flags, on one jar, and returns what it printed. */
    private List<String> runJar(String module, Path jar, Class<?> probeClass, List<String> arguments)
            throws IOException, InterruptedException {
        return runJar(module, jar, probeClass, arguments, Map.of());
    }

    private List<String> runJar(String module, Path jar, Class<?> probeClass, List<String> arguments,
                                Map<String, String> environment) throws IOException, InterruptedException {
        Path probe = Path.of("target", "test-classes");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xmx512m",
                "-cp", jar + java.io.File.pathSeparator + probe, probeClass.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(engine.functionEnvironment(table));
        builder.environment().put("CONNECTION_BROKER_HELPDESK_STAND_IN", helpdesks.endpoint().toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] printed = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), module + " did not exit");
        return new String(printed, StandardCharsets.UTF_8).lines().toList();
    }

    private static List<String> linesStartingWith(List<String> output, String... prefixes) {
        return output.stream().filter(line -> Stream.of(prefixes).anyMatch(line::startsWith)).toList();
    }
}
