package io.connectionbroker.local;

import io.connectionbroker.gateway.GatewayRequest;
import io.connectionbroker.gateway.GatewayResponse;
import io.connectionbroker.gateway.HttpApiGateway;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * HTTP on a loopback port in front of {@link HttpApiGateway}, as API Gateway is in front of the functions:
 * each request is handed over with its raw path and query, and whatever the server itself must refuse (a
 * request line it cannot parse, a path whose escapes are broken) is answered as API Gateway answers, in JSON
 * with one message, never an HTML page. Jetty's core server, which DynamoDB Local runs on too: the JDK's own
 * server refuses such paths itself, with an HTML page no handler can replace.
 */
final class GatewayServer {
    /** API Gateway's own limit on a request body; the functions refuse far smaller bodies themselves. */
    private static final int GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final Server server;

    private GatewayServer(Server server) {
        this.server = server;
    }

    static GatewayServer start(HttpApiGateway gateway, int port) throws Exception {
        Server server = new Server(new QueuedThreadPool(16, 2));
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                answer(gateway, request, response, callback);
                return true;
            }
        });
        server.setErrorHandler((request, response, callback) -> {
            send(response, callback, gatewayAnswer(response.getStatus()), request.getMethod());
            return true;
        });
        server.start();
        return new GatewayServer(server);
    }

    void stop() throws Exception {
        server.stop();
    }

    private static void answer(HttpApiGateway gateway, Request request, Response response, Callback callback) {
        try {
            byte[] body;
            try (InputStream in = Content.Source.asInputStream(request)) {
                body = in.readNBytes(GATEWAY_MAX_BODY_BYTES + 1);
            }
            if (body.length > GATEWAY_MAX_BODY_BYTES) {
                send(response, callback, gatewayAnswer(HttpStatus.PAYLOAD_TOO_LARGE_413), request.getMethod());
                return;
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (HttpField field : request.getHeaders()) {
                headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
            }
            if (ConsoleFiles.serves(request.getHttpURI().getPath())) {
                send(response, callback, ConsoleFiles.answer(request.getMethod(), request.getHttpURI().getPath()),
                        request.getMethod());
                return;
            }
            String query = request.getHttpURI().getQuery();
            GatewayRequest forwarded = new GatewayRequest(request.getMethod(), request.getHttpURI().getPath(),
                    query == null ? "" : query, headers,
                    body.length == 0 ? null : new String(body, StandardCharsets.UTF_8));
            send(response, callback, gateway.send(forwarded), request.getMethod());
        } catch (Exception e) {
            // What API Gateway answers when the function itself fails.
            e.printStackTrace();
            send(response, callback, gatewayAnswer(HttpStatus.INTERNAL_SERVER_ERROR_500), request.getMethod());
        }
    }

    /** An answer API Gateway gives itself: JSON with one message. */
    private static GatewayResponse gatewayAnswer(int status) {
        String message = status == HttpStatus.PAYLOAD_TOO_LARGE_413 ? "Request Entity Too Large"
                : HttpStatus.getMessage(status);
        return new GatewayResponse(status, Map.of("content-type", List.of("application/json")),
                "{\"message\":\"" + message + "\"}");
    }

    private static void send(Response response, Callback callback, GatewayResponse answer, String method) {
        response.setStatus(answer.status());
        answer.headers().forEach((name, values) -> {
            if (!name.equals("content-length") && !name.equals("transfer-encoding")) {
                values.forEach(value -> response.getHeaders().add(name, value));
            }
        });
        byte[] bytes = answer.body() == null || "HEAD".equals(method) ? new byte[0]
                : answer.body().getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
