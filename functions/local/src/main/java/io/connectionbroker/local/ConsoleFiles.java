package io.connectionbroker.local;

import io.connectionbroker.gateway.GatewayResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The reference console at {@code /console/}: the files the console module built into its jar under
 * {@code console/}. Served by the local API only, beside the functions, from the same origin, so the console
 * calls the API with no CORS; the deployed API serves no pages.
 */
final class ConsoleFiles {
    private static final String PREFIX = "/console";
    /** One file name, no directories: nothing but the console's own files can be asked for. */
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9]+)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "map", "application/json");

    private ConsoleFiles() {
    }

    static boolean serves(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    static GatewayResponse answer(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return message(405, "Method Not Allowed");
        }
        if (path.equals(PREFIX)) {
            return new GatewayResponse(308, Map.of("location", List.of(PREFIX + "/")), null);
        }
        String name = path.substring(PREFIX.length() + 1);
        if (name.isEmpty()) {
            name = "index.html";
        }
        if (!FILE.matcher(name).matches()) {
            return message(404, "Not Found");
        }
        String text = read("console/" + name);
        if (text == null) {
            return message(404, name.equals("index.html") ? "The console was not built: Node.js and npm are needed"
                    + " (apt-get install -y nodejs npm), then ./mvnw again" : "Not Found");
        }
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        return new GatewayResponse(200, Map.of(
                "content-type", List.of(type),
                "cache-control", List.of("no-cache"),
                "x-content-type-options", List.of("nosniff"),
                "referrer-policy", List.of("no-referrer"),
                // The console runs its own script only, talks to this origin only, and is never framed.
                "content-security-policy", List.of("default-src 'self'; frame-ancestors 'none'; form-action 'self'")),
                text);
    }

    private static String read(String resource) {
        try (InputStream in = ConsoleFiles.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GatewayResponse message(int status, String message) {
        return new GatewayResponse(status, Map.of("content-type", List.of("application/json")),
                "{\"message\":\"" + message + "\"}");
    }
}
