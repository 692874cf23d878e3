package io.connectionbroker.linters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deployment template as the tools admins deploy it with read it: cfn-lint (which runs the SAM transform
 * first) finds no error and no warning, and the AWS SAM CLI's own {@code sam validate --lint} accepts it.
 * Both run offline from the venv the build installs.
 */
class TemplateLintTest {
    private static final Path TEMPLATE = Path.of("..", "..", "infra", "template.yaml").toAbsolutePath().normalize();

    @Test
    void cfnLintFindsNothing() throws Exception {
        InstalledTools.Result lint = InstalledTools.run(List.of(InstalledTools.python("cfn-lint").toString(),
                "--format", "parseable", TEMPLATE.toString()));

        assertEquals("", lint.output().strip(), "cfn-lint's findings");
        assertEquals(0, lint.exitCode(), lint.output());
    }

    @Test
    void samValidateWithItsLintAcceptsTheTemplate() throws Exception {
        InstalledTools.Result validate = InstalledTools.run(List.of(InstalledTools.python("sam").toString(),
                "validate", "--lint", "--template", TEMPLATE.toString()));

        assertEquals(0, validate.exitCode(), validate.output());
        assertTrue(validate.output().contains("is a valid SAM Template"), validate.output());
    }
}
