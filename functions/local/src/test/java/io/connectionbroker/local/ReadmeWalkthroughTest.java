package io.connectionbroker.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code sh} block of README's walkthrough, as printed, against a fresh local API, so the
 * walkthrough cannot drift from the code. Only the port differs, so the test never needs 8080 free.
 * Needs curl and jq (CI installs them); without them it is reported as skipped.
 */
class ReadmeWalkthroughTest {
    private static final Path README = Path.of("../../README.md");
    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dataDir;

    @Test
    void theWalkthroughWorksAsPrinted() throws Exception {
        assumeTrue(installed("curl") && installed("jq"), "the walkthrough needs curl and jq");
        List<String> blocks = new ArrayList<>();
        Matcher block = SH_BLOCK.matcher(Files.readString(README));
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertTrue(blocks.size() >= 5, "README's walkthrough has its sh blocks: " + blocks.size());
        int port = freePort();
        String script = String.join("\n", blocks).replace("localhost:8080", "localhost:" + port);

        try (LocalApi api = LocalApi.start(port, freePort(), dataDir)) {
            Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                    .redirectErrorStream(true).start();
            boolean finished = bash.waitFor(2, TimeUnit.MINUTES);
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(finished, "the walkthrough did not finish in time:\n" + output);
            assertEquals(0, bash.exitValue(), "a walkthrough command failed:\n" + output);
            assertTrue(output.contains("\"ACTIVE\""), output);
            assertTrue(output.contains("mode-not-offered"), output);
        }
    }

    private static boolean installed(String command) throws Exception {
        Process which = new ProcessBuilder("bash", "-c", "command -v " + command).start();
        return which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
