package io.connectionbroker.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Hands requests to a function's real Lambda handler the way an API Gateway HTTP API does with payload
 * format 2.0: lower-case header names with repeated values joined by commas, cookies apart, the query
 * string raw, a request context with its own request id; and turns the handler's answer back into HTTP.
 */
public final class HttpApiGateway {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final APIGatewayV2HTTPEventFunction handler;
    private final String functionName;

    public HttpApiGateway(APIGatewayV2HTTPEventFunction handler, String functionName) {
        this.handler = handler;
        this.functionName = functionName;
    }

    public GatewayResponse send(GatewayRequest request) {
        return send(request, null);
    }

    /**
     * @param iamUserArn the caller's IAM principal, as API Gateway names it for a route with IAM authorisation
     *                   once it has checked the request's SigV4 signature; null for any other route
     */
    public GatewayResponse send(GatewayRequest request, String iamUserArn) {
        // What API Gateway answers itself, before any function: no route has OPTIONS and the API sets up no
        // CORS, so a preflight finds no route; a path whose percent-encoding is broken is no path at all.
        if ("OPTIONS".equals(request.method())) {
            return gatewayAnswer(404, "Not Found");
        }
        if (!isWellEncoded(request.rawPath())) {
            return gatewayAnswer(400, "Bad Request");
        }
        String requestId = UUID.randomUUID().toString();
        APIGatewayV2HTTPEvent event = event(request, requestId);
        if (iamUserArn != null) {
            event.getRequestContext().setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withIam(APIGatewayV2HTTPEvent.RequestContext.IAM.builder()
                            .withUserArn(iamUserArn).withAccountId("000000000000").build())
                    .build());
        }
        APIGatewayV2HTTPResponse answer = handler.handleRequest(event, new LocalLambdaContext(requestId, functionName));
        return response(answer);
    }

    /** An answer API Gateway gives itself: JSON with one message, as its own answers are. */
    private static GatewayResponse gatewayAnswer(int status, String message) {
        return new GatewayResponse(status, Map.of("content-type", List.of("application/json")),
                "{\"message\":\"" + message + "\"}");
    }

    /** Whether every {@code %} starts an escape of two hex digits, and the escapes decode to UTF-8. */
    static boolean isWellEncoded(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= rawPath.length() || Character.digit(rawPath.charAt(i + 1), 16) < 0
                    || Character.digit(rawPath.charAt(i + 2), 16) < 0) {
                return false;
            }
            bytes.write(Integer.parseInt(rawPath.substring(i + 1, i + 3), 16));
            i += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return false;
        }
    }

    static APIGatewayV2HTTPEvent event(GatewayRequest request, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(value -> cookies.addAll(List.of(value.split(";\\s*"))));
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        Instant now = Instant.now();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(request.rawPath())
                .withRawQueryString(request.rawQueryString() == null ? "" : request.rawQueryString())
                .withQueryStringParameters(queryParameters(request.rawQueryString()))
                .withHeaders(headers)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withBody(request.body())
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey("$default")
                        .withStage("$default")
                        .withRequestId(requestId)
                        .withAccountId("000000000000")
                        .withApiId("local")
                        .withDomainName(headers.getOrDefault("host", "localhost"))
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(request.method())
                                .withPath(request.rawPath())
                                .withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1")
                                .withUserAgent(headers.getOrDefault("user-agent", ""))
                                .build())
                        .build())
                .build();
    }

    /** As API Gateway decodes them: each name once, repeated values joined by commas; null when there are none. */
    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    static GatewayResponse response(APIGatewayV2HTTPResponse answer) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (answer.getHeaders() != null) {
            answer.getHeaders().forEach((name, value) ->
                    headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value));
        }
        if (answer.getMultiValueHeaders() != null) {
            answer.getMultiValueHeaders().forEach((name, values) -> {
                List<String> known = headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>());
                values.stream().filter(v -> !known.contains(v)).forEach(known::add);
            });
        }
        if (answer.getCookies() != null && !answer.getCookies().isEmpty()) {
            headers.put("set-cookie", new ArrayList<>(answer.getCookies()));
        }
        String body = answer.getBody();
        if (body != null && answer.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return new GatewayResponse(answer.getStatusCode(), headers, body);
    }
}
