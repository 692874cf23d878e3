package io.connectionbroker.linters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The deployment template as the tools admins deploy it with read it: cfn-lint (which runs the SAM transform
 * first) finds no error and no warning, and the AWS SAM CLI's own {@code sam validate --lint} accepts it.
 * Both run offline from the venv the build installs (install-python-tools.sh).
 */
class TemplateLintTest {
    private static final Path TEMPLATE = Path.of("..", "..", "infra", "template.yaml").toAbsolutePath().normalize();
    private static final Path VENV = Path.of("target", "venv", "bin");
    /** Far above the seconds each tool takes: only a hung tool reaches it. */
    private static final long TOOL_LIMIT_SECONDS = 600;

    @Test
    void cfnLintFindsNothing() throws Exception {
        Result lint = run(List.of(tool("cfn-lint").toString(), "--format", "parseable", TEMPLATE.toString()));

        assertEquals("", lint.output().strip(), "cfn-lint's findings");
        assertEquals(0, lint.exitCode(), lint.output());
    }

    @Test
    void samValidateWithItsLintAcceptsTheTemplate() throws Exception {
        Result validate = run(List.of(tool("sam").toString(), "validate", "--lint", "--template",
                TEMPLATE.toString()));

        assertEquals(0, validate.exitCode(), validate.output());
        assertTrue(validate.output().contains("is a valid SAM Template"), validate.output());
    }

    private static Path tool(String name) throws IOException {
        Path missing = Path.of("target", "python-tools.missing");
        Path tool = VENV.resolve(name);
        if (!Files.isExecutable(tool)) {
            String why = Files.exists(missing) ? Files.readString(missing).strip()
                    : "the Python tools are not installed under target/venv; run ./mvnw verify from the top";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        return tool;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        // Offline and quiet: no telemetry, no update check, a region so that nothing asks for one.
        builder.environment().put("SAM_CLI_TELEMETRY", "0");
        builder.environment().put("SAM_CLI_DISABLE_UPDATE_CHECK", "1");
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        Process process = builder.start();
        byte[] printed = process.getInputStream().readAllBytes();
        if (!process.waitFor(TOOL_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish");
        }
        return new Result(process.exitValue(), new String(printed, StandardCharsets.UTF_8));
    }
}
