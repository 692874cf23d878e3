package io.connectionbroker.linters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The tools the build installed under target/ (install-python-tools.sh here; the Node tools under the console
 * module's target/, by its install-node-tools.sh, from the one pinned package-lock.json), and how a test
 * runs one. A tool that is missing skips its test, naming the install command, unless CI=true, where it fails.
 */
final class InstalledTools {
    /** Far above the seconds each tool takes: only a hung tool reaches it. */
    private static final long TOOL_LIMIT_SECONDS = 600;

    private InstalledTools() {
    }

    record Result(int exitCode, String output) {
    }

    static Path python(String name) throws IOException {
        return installed(Path.of("target", "venv", "bin", name), Path.of("target", "python-tools.missing"));
    }

    static Path node(String name) throws IOException {
        Path console = Path.of("..", "console", "target");
        return installed(console.resolve(Path.of("node", "node_modules", ".bin", name)),
                console.resolve("node-tools.missing"));
    }

    private static Path installed(Path tool, Path missing) throws IOException {
        if (!Files.isExecutable(tool)) {
            String why = Files.exists(missing) ? Files.readString(missing).strip()
                    : tool + " is not installed; run ./mvnw verify from the top";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        return tool;
    }

    static Result run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        // Offline and quiet: no telemetry, no update checks, a region so that nothing asks for one.
        builder.environment().put("SAM_CLI_TELEMETRY", "0");
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_UPDATE_NOTIFIER", "1");
        Process process = builder.start();
        byte[] printed = process.getInputStream().readAllBytes();
        if (!process.waitFor(TOOL_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish");
        }
        return new Result(process.exitValue(), new String(printed, StandardCharsets.UTF_8));
    }
}
