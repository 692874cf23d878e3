package io.connectionbroker.linters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.connectionbroker.openapi.ApiDocument;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the API serves, as app developers' own tools read it: Redocly's recommended rules and
 * Spectral's {@code spectral:oas} rules find no error in it.
 */
class OpenApiLintTest {
    private static final Path DOCUMENT = Path.of("target", "openapi.yml");

    @BeforeAll
    static void writeTheServedDocument() throws Exception {
        try (InputStream served = OpenApiLintTest.class.getClassLoader().getResourceAsStream(ApiDocument.RESOURCE)) {
            Files.createDirectories(DOCUMENT.getParent());
            Files.write(DOCUMENT, served.readAllBytes());
        }
    }

    @Test
    void redoclyFindsNoError() throws Exception {
        InstalledTools.Result lint = InstalledTools.run(List.of(InstalledTools.node("redocly").toString(), "lint",
                "--format=stylish", "--max-problems=500", DOCUMENT.toString()));

        assertFalse(lint.output().lines().anyMatch(line -> line.matches("\\s*\\d+:\\d+\\s+error\\s.*")),
                lint.output());
        assertEquals(0, lint.exitCode(), lint.output());
    }

    @Test
    void spectralFindsNoError() throws Exception {
        InstalledTools.Result lint = InstalledTools.run(List.of(InstalledTools.node("spectral").toString(), "lint",
                "--ruleset", ".spectral.yaml", "--fail-severity", "error", "--format", "text", DOCUMENT.toString()));

        assertFalse(lint.output().lines().anyMatch(line -> line.contains(" error ")), lint.output());
        assertEquals(0, lint.exitCode(), lint.output());
    }
}
