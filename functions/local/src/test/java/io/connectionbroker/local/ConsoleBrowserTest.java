package io.connectionbroker.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference console, end to end in a real browser: each seed document's scenario (functions/console/browser)
 * driven by playwright-core in Debian's chromium against this local API, with a screenshot of every screen
 * under target/screenshots. Where Node, the console's tools or chromium are missing, reported as skipped with the
 * install command; with CI=true that fails instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
    private static final Path CONSOLE = Path.of("..", "console");
    private static final Path PLAYWRIGHT = CONSOLE.resolve(Path.of("target", "node", "node_modules", "playwright-core"));
    /** Far above the seconds a scenario takes: only a hung browser reaches it. */
    private static final long SCENARIO_LIMIT_SECONDS = 300;

    @TempDir
    static Path dataDir;
    private LocalApi api;
    private int port;
    private String chromium;

    @BeforeAll
    void start() throws Exception {
        chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        requireInstalled(Files.isDirectory(PLAYWRIGHT), Files.exists(CONSOLE.resolve(Path.of("target", "node-tools.missing")))
                ? Files.readString(CONSOLE.resolve(Path.of("target", "node-tools.missing"))).strip()
                : "the console's Node tools are not installed: run ./mvnw verify from the top (Node.js and npm:"
                + " apt-get install -y nodejs npm)");
        requireInstalled(Files.isExecutable(Path.of(chromium)), "chromium is missing: install it with"
                + " apt-get install -y chromium (or set CHROMIUM to its path)");
        port = freePort();
        api = LocalApi.start(port, freePort(), dataDir);
    }

    @AfterAll
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"private-script-from-zendesk", "private-script-from-freshdesk", "public-script-from-zendesk",
        "public-script-from-freshservice", "basic-from-zendesk", "basic-from-zendesk-with-admin-access",
        "declined-after-a-look", "many-connections-page-by-page", "refusal-shown-as-detail"})
    void theSeedsScenarioRunsInTheBrowser(String scenario) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of("node", CONSOLE.resolve(Path.of("browser", "scenarios.mjs"))
                .toString(), scenario)).redirectErrorStream(true);
        builder.environment().put("BASE_URL", "http://localhost:" + port);
        builder.environment().put("SCREENSHOTS", Path.of("target", "screenshots", scenario).toAbsolutePath().toString());
        builder.environment().put("CHROMIUM", chromium);
        builder.environment().put("NODE_PATH", CONSOLE.resolve(Path.of("target", "node", "node_modules"))
                .toAbsolutePath().toString());
        Process process = builder.start();
        byte[] printed = process.getInputStream().readAllBytes();
        if (!process.waitFor(SCENARIO_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(scenario + " did not finish");
        }
        String output = new String(printed, StandardCharsets.UTF_8);
        System.out.println(output);
        assertEquals(0, process.exitValue(), output);
    }

    private static void requireInstalled(boolean installed, String why) {
        if (!installed) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
