package io.connectionbroker.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.gateway.GatewayResponse;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What /console/ serves: the console's own files, and nothing else of the class path. */
class ConsoleFilesTest {

    @Test
    void theConsoleIsServedWithAPolicyThatLetsOnlyItsOwnScriptRun() {
        GatewayResponse index = ConsoleFiles.answer("GET", "/console/");
        if ("true".equals(System.getenv("CI"))) {
            assertEquals(200, index.status(), "CI builds the console");
        }
        Assumptions.assumeTrue(index.status() == 200, "the console was not built here: Node.js and npm are needed"
                + " (apt-get install -y nodejs npm)");

        assertEquals(List.of("text/html; charset=utf-8"), index.headers().get("content-type"));
        assertTrue(index.body().contains("console.js"), index.body());
        assertTrue(index.headers().get("content-security-policy").get(0).startsWith("default-src 'self'"));
        assertEquals(List.of("nosniff"), index.headers().get("x-content-type-options"));
        assertEquals(200, ConsoleFiles.answer("GET", "/console/console.js").status());
        assertEquals(List.of("text/javascript; charset=utf-8"),
                ConsoleFiles.answer("HEAD", "/console/console.js").headers().get("content-type"));
    }

    @Test
    void nothingButTheConsolesOwnFilesAndOnlyToRead() {
        assertEquals(308, ConsoleFiles.answer("GET", "/console").status());
        assertEquals(List.of("/console/"), ConsoleFiles.answer("GET", "/console").headers().get("location"));
        for (String path : new String[] {"/console/../application.properties", "/console/%2e%2e/logback.xml",
            "/console/META-INF/MANIFEST.MF", "/console/nothing.js", "/console/.hidden"}) {
            assertEquals(404, ConsoleFiles.answer("GET", path).status(), path);
        }
        assertEquals(405, ConsoleFiles.answer("POST", "/console/").status());
        assertFalse(ConsoleFiles.serves("/consoles"));
        assertFalse(ConsoleFiles.serves("/v1/console/"));
    }
}
