package io.connectionbroker.infra;

import static io.connectionbroker.infra.CloudFormationTemplate.list;
import static io.connectionbroker.infra.CloudFormationTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.connectionbroker.domain.IdempotentRequests;
import io.connectionbroker.helpdesk.HttpHelpdeskUsers;
import io.connectionbroker.idempotency.SecretsManagerClientSettings;
import io.connectionbroker.store.dynamodb.ConnectionTable;
import io.connectionbroker.wiring.DynamoDbClientSettings;
import io.connectionbroker.wiring.FunctionHandler;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Fails the build when infra/template.yaml and the code disagree: routes and the functions that serve
 * them, handlers and jars, the table's keys, indexes and TTL, and each function's DynamoDB permissions.
 * Runs after the function modules are packaged and tested ({@code ./mvnw verify}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateMatchesCodeTest {
    private static final Path FUNCTIONS = Path.of("..", "functions");
    private static final Pattern CODE_URI = Pattern.compile("\\.\\./functions/([a-z-]+)/target/\\1-lambda\\.jar");
    private static final Map<Class<? extends Annotation>, String> METHODS = Map.of(
            Get.class, "GET", Post.class, "POST", Put.class, "PUT", Delete.class, "DELETE", Patch.class, "PATCH");

    private CloudFormationTemplate template;
    /** Each function's logical id in the template, by the module it deploys. */
    private final Map<String, String> functionByModule = new TreeMap<>();

    @BeforeAll
    void load() throws IOException {
        template = CloudFormationTemplate.load();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, function) -> {
            String codeUri = String.valueOf(map(function, "Properties").get("CodeUri"));
            Matcher jar = CODE_URI.matcher(codeUri);
            assertTrue(jar.matches(), id + "'s CodeUri is not a function module's Lambda jar: " + codeUri);
            assertEquals(null, functionByModule.put(jar.group(1), id), "two functions deploy " + jar.group(1));
        });
    }

    @Test
    void everyFunctionModuleIsDeployedAndNothingElse() throws IOException {
        assertEquals(lambdaModules(), functionByModule.keySet());
    }

    @Test
    void everyRouteIsOnTheFunctionWhoseModuleServesIt() throws IOException {
        Map<String, Set<String>> served = new TreeMap<>();
        for (String module : lambdaModules()) {
            served.put(module, routesServedBy(module));
        }

        Map<String, Set<String>> deployed = new TreeMap<>();
        functionByModule.forEach((module, id) -> {
            Set<String> routes = new TreeSet<>();
            Object events = map(template.resources(), id).get("Properties") instanceof Map<?, ?> properties
                    ? properties.get("Events") : null;
            if (events != null) {
                map(events).values().forEach(event -> {
                    assertEquals("HttpApi", map(event).get("Type"), id + " has an event that is not an HttpApi route");
                    Map<String, Object> properties = map(map(event), "Properties");
                    assertEquals(Map.of("Ref", "HttpApi"), properties.get("ApiId"), id + "'s route is on another API");
                    routes.add(properties.get("Method") + " " + properties.get("Path"));
                });
            }
            deployed.put(module, routes);
        });

        assertEquals(served, deployed);
    }

    @Test
    void everyHandlerIsThePayload2FunctionInsideTheJarTheBuildMakes() throws Exception {
        for (Map.Entry<String, String> entry : functionByModule.entrySet()) {
            Map<String, Object> function = map(template.resources(), entry.getValue());
            String handler = String.valueOf(template.functionProperty(function, "Handler"));
            assertEquals(FunctionHandler.class.getName(), handler);
            assertTrue(APIGatewayV2HTTPEventFunction.class.isAssignableFrom(Class.forName(handler)));
            assertTrue(RequestHandler.class.isAssignableFrom(Class.forName(handler)));

            Path jar = Path.of(String.valueOf(map(function, "Properties").get("CodeUri")));
            assertTrue(Files.isRegularFile(jar), jar + " is missing: build it with ./mvnw package");
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertNotNull(zip.getEntry(handler.replace('.', '/') + ".class"), handler + " is not in " + jar);
                for (String controller : controllersOf(entry.getKey())) {
                    assertNotNull(zip.getEntry(controller.replace('.', '/') + ".class"), controller + " is not in " + jar);
                }
            }
            String runtime = String.valueOf(template.functionProperty(function, "Runtime"));
            assertTrue(runtime.equals("java17") || runtime.equals("java21"), runtime);
        }
    }

    @Test
    void theTableHasTheAdaptersKeysIndexesAndTtl() {
        Map<String, Map<String, Object>> tables = template.resourcesOfType("AWS::DynamoDB::Table");
        assertEquals(Set.of("Table"), tables.keySet(), "one table");
        Map<String, Object> table = map(tables.get("Table"), "Properties");

        Map<String, String> keys = new TreeMap<>();
        list(table.get("KeySchema")).forEach(key -> keys.put(String.valueOf(map(key).get("KeyType")),
                String.valueOf(map(key).get("AttributeName"))));
        assertEquals(Map.of("HASH", ConnectionTable.PARTITION_KEY, "RANGE", ConnectionTable.SORT_KEY), keys);

        Map<String, List<String>> indexes = new TreeMap<>();
        if (table.get("GlobalSecondaryIndexes") != null) {
            list(table.get("GlobalSecondaryIndexes")).forEach(index -> {
                List<String> indexKeys = new ArrayList<>();
                list(map(index).get("KeySchema")).forEach(key -> indexKeys.add(String.valueOf(map(key).get("AttributeName"))));
                indexes.put(String.valueOf(map(index).get("IndexName")), indexKeys);
            });
        }
        assertEquals(new TreeMap<>(ConnectionTable.GLOBAL_SECONDARY_INDEXES), indexes);

        Map<String, String> attributeTypes = new TreeMap<>();
        list(table.get("AttributeDefinitions")).forEach(attribute -> attributeTypes.put(
                String.valueOf(map(attribute).get("AttributeName")), String.valueOf(map(attribute).get("AttributeType"))));
        Set<String> keyAttributes = new TreeSet<>(keys.values());
        indexes.values().forEach(keyAttributes::addAll);
        assertEquals(keyAttributes, attributeTypes.keySet(), "attribute definitions are exactly the key attributes");
        attributeTypes.values().forEach(type -> assertEquals("S", type));

        Map<String, Object> ttl = map(table, "TimeToLiveSpecification");
        assertEquals(ConnectionTable.TTL_ATTRIBUTE, ttl.get("AttributeName"));
        assertEquals(true, ttl.get("Enabled"));
        assertEquals("PAY_PER_REQUEST", table.get("BillingMode"));
        assertEquals(true, map(table, "PointInTimeRecoverySpecification").get("PointInTimeRecoveryEnabled"));
        assertEquals(true, map(table, "SSESpecification").get("SSEEnabled"));
        assertEquals(Map.of("Ref", "TableDeletionProtection"), table.get("DeletionProtectionEnabled"));
    }

    @Test
    void everyFunctionMayDoExactlyWhatItsCodeDoes() throws IOException {
        for (Map.Entry<String, String> entry : functionByModule.entrySet()) {
            Path record = FUNCTIONS.resolve(entry.getKey()).resolve("target/dynamodb-actions.txt");
            assertTrue(Files.exists(record), record + " is missing: run the function tests first (./mvnw verify)");
            Set<String> calledByCode = new TreeSet<>(Files.readAllLines(record));
            calledByCode.removeIf(String::isBlank);
            if (answersIdempotently(entry.getKey())) {
                // Read once per container, on the first request with an Idempotency-Key (SecretKeys).
                calledByCode.add("secretsmanager:GetSecretValue IdempotencySecret");
            }

            assertEquals(calledByCode, allowedByTemplate(entry.getValue()), entry.getValue()
                    + "'s policy must allow exactly what its code calls (left: recorded by its function tests)");
        }
    }

    @Test
    void noPolicyUsesAWildcardAndNoFunctionGetsCredentialsFromItsEnvironment() {
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, function) -> {
            for (Object policy : list(map(function, "Properties").get("Policies"))) {
                for (Object statement : list(map(policy).get("Statement"))) {
                    for (Object action : list(map(statement).get("Action"))) {
                        assertFalse(String.valueOf(action).contains("*"), id + " allows " + action);
                    }
                    Object resource = map(statement).get("Resource");
                    assertFalse(String.valueOf(resource).contains("*"), id + " allows resource " + resource);
                }
            }
            Object environment = template.functionProperty(function, "Environment");
            assertFalse(String.valueOf(environment).contains("AWS_ACCESS_KEY_ID")
                    || String.valueOf(environment).contains("AWS_SECRET_ACCESS_KEY"), id + " sets credentials");
            // Registration must ask the real helpdesks: the stand-in is for the local run and the tests only.
            assertFalse(String.valueOf(environment).contains("HELPDESK"), id + " points the helpdesk adapter elsewhere");
        });
    }

    @Test
    void noFunctionIsPointedAtTheStandInHelpdesks() throws Exception {
        assertFalse(Files.readString(CloudFormationTemplate.PATH).contains("HELPDESK"),
                "the template sets a helpdesk setting; registration must ask the real helpdesks");
    }

    @Test
    void aHungDynamoDbOrSecretsManagerCallEndsInA503BeforeTheFunctionTimesOut() {
        // A keyed POST may also read the secret its kept answer is encrypted with: all its reads of it together
        // take at most one call's time (SecretKeys.Reads). A change whose write lost to another request's
        // decides again only within REDECIDE_WITHIN of its first decision; the last decision's calls are the
        // ones counted.
        Duration worstCase = DynamoDbClientSettings.DEFAULT_CALL_TIMEOUT
                .multipliedBy(DynamoDbClientSettings.MAX_CALLS_PER_REQUEST)
                .plus(IdempotentRequests.REDECIDE_WITHIN)
                .plus(io.connectionbroker.store.dynamodb.DynamoDbConnectionStore.FEED_APPEND_WITHIN)
                .plusMillis(SecretsManagerClientSettings.DEFAULT_CALL_TIMEOUT_MILLIS).plusSeconds(1);
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, function) -> {
            Number timeout = (Number) template.functionProperty(function, "Timeout");
            // Registration also asks the instance's helpdesk, within its own time limit.
            Duration limit = id.equals("InstancesFunction")
                    ? worstCase.plus(HttpHelpdeskUsers.DEFAULT_TIME_LIMIT) : worstCase;
            assertTrue(Duration.ofSeconds(timeout.longValue()).compareTo(limit) > 0,
                    id + " times out after " + timeout + " s, before its outbound calls give up (" + limit + ")");
        });
    }

    @Test
    void everyFunctionIsSnapStartedLoggedWithRetentionAndWatchedByAlarms() {
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, function) -> {
            assertEquals(Map.of("ApplyOn", "PublishedVersions"), template.functionProperty(function, "SnapStart"), id);
            assertNotNull(template.functionProperty(function, "AutoPublishAlias"), id + " publishes no alias");
            Object logGroup = map(map(function, "Properties"), "LoggingConfig").get("LogGroup");
            String logGroupId = String.valueOf(map(logGroup).get("Ref"));
            assertNotNull(map(map(template.resources(), logGroupId), "Properties").get("RetentionInDays"), logGroupId);

            Set<String> watched = new TreeSet<>();
            template.resourcesOfType("AWS::CloudWatch::Alarm").values().forEach(alarm -> {
                Map<String, Object> properties = map(alarm, "Properties");
                list(properties.get("Dimensions")).forEach(dimension -> {
                    if (Map.of("Ref", id).equals(map(dimension).get("Value"))) {
                        watched.add(String.valueOf(properties.get("MetricName")));
                    }
                });
            });
            assertEquals(Set.of("Errors", "Throttles"), watched, id + "'s alarms");
        });
        assertTrue(template.resourcesOfType("AWS::CloudWatch::Alarm").values().stream()
                .anyMatch(alarm -> "5xx".equals(map(alarm, "Properties").get("MetricName"))), "an alarm on the API's 5xx");
        assertEquals(Set.of("ApiUrl", "TableName"), template.section("Outputs").keySet());
    }

    @Test
    void eachPlatformsAppUrlIsASettingWhoseDefaultIsTheCodes() {
        Map<String, Object> parameters = map(template.section("Parameters"));
        Map<String, Object> variables = map(map(map(map(template.section("Globals"), "Function"), "Environment")),
                "Variables");
        for (io.connectionbroker.domain.Platform platform : io.connectionbroker.domain.Platform.values()) {
            String name = platform.name().charAt(0) + platform.name().substring(1).toLowerCase(java.util.Locale.ROOT);
            assertEquals(io.connectionbroker.domain.AppUrls.defaults().patterns().get(platform),
                    map(parameters.get("AppUrl" + name)).get("Default"), platform.name());
            assertEquals(Map.of("Ref", "AppUrl" + name), variables.get("CONNECTION_BROKER_APP_URL_" + platform.name()));
        }
    }

    @Test
    void corsAllowsNoOriginUnlessTheParameterNamesSome() {
        Map<String, Object> cors = map(map(map(template.resources(), "HttpApi"), "Properties"), "CorsConfiguration");

        assertEquals(Map.of("Fn::If", List.of("CorsEnabled", Map.of("Ref", "CorsAllowedOrigins"),
                Map.of("Ref", "AWS::NoValue"))), cors.get("AllowOrigins"));
        assertEquals("", map(map(template.section("Parameters"), "CorsAllowedOrigins")).get("Default"));
    }

    @Test
    void theFunctionsThatKeepAnswersReadTheSecretTheTemplateCreates() throws IOException {
        Map<String, Object> secret = map(template.resources(), "IdempotencySecret");
        assertEquals("AWS::SecretsManager::Secret", secret.get("Type"));
        Map<String, Object> generated = map(map(secret, "Properties"), "GenerateSecretString");
        assertTrue(((Number) generated.get("PasswordLength")).intValue() >= 32, "the key is as strong as the secret");
        for (Map.Entry<String, String> entry : functionByModule.entrySet()) {
            Object environment = template.functionProperty(map(template.resources(), entry.getValue()), "Environment");
            Object arn = environment == null ? null
                    : map(map(environment), "Variables").get("CONNECTION_BROKER_IDEMPOTENCY_SECRET_ARN");
            assertEquals(answersIdempotently(entry.getKey()) ? Map.of("Ref", "IdempotencySecret") : null, arn,
                    entry.getValue());
        }
        Map<String, Object> cors = map(map(map(template.resources(), "HttpApi"), "Properties"), "CorsConfiguration");
        assertTrue(list(cors.get("AllowHeaders")).containsAll(List.of("idempotency-key", "if-match", "if-none-match")));
        assertTrue(list(cors.get("ExposeHeaders")).containsAll(List.of("idempotent-replayed", "etag")));
        // A browser may send every method a route of the template takes.
        Set<String> methods = new TreeSet<>();
        for (Object resource : template.resources().values()) {
            Object events = map(resource).get("Properties") == null ? null : map(map(resource).get("Properties")).get("Events");
            if (events != null) {
                map(events).values().forEach(event -> methods.add((String) map(map(event).get("Properties")).get("Method")));
            }
        }
        assertTrue(list(cors.get("AllowMethods")).containsAll(methods), methods.toString());
    }

    /** Whether the function module answers POSTs through the idempotency module. */
    private static boolean answersIdempotently(String module) throws IOException {
        return Files.readString(FUNCTIONS.resolve(module).resolve("pom.xml")).contains("<artifactId>idempotency</artifactId>");
    }

    /** What a function's policy allows, as "action resource" pairs like the recorder's. */
    private Set<String> allowedByTemplate(String functionId) {
        Set<String> allowed = new TreeSet<>();
        for (Object policy : list(map(map(template.resources(), functionId), "Properties").get("Policies"))) {
            for (Object statement : list(map(policy).get("Statement"))) {
                assertEquals("Allow", map(statement).get("Effect"));
                Object resources = map(statement).get("Resource");
                for (Object resource : resources instanceof List<?> many ? many : List.of(resources)) {
                    for (Object action : list(map(statement).get("Action"))) {
                        allowed.add(action + " " + tableResource(functionId, resource));
                    }
                }
            }
        }
        return allowed;
    }

    /** "table" for the table's ARN, "index/NAME" for one of its indexes; anything else fails. */
    private static String tableResource(String functionId, Object resource) {
        if (Map.of("Ref", "IdempotencySecret").equals(resource)) {
            return "IdempotencySecret";
        }
        if (Map.of("Fn::GetAtt", "Table.Arn").equals(resource)
                || Map.of("Fn::GetAtt", List.of("Table", "Arn")).equals(resource)) {
            return "table";
        }
        if (resource instanceof Map<?, ?> sub && sub.get("Fn::Sub") instanceof String text
                && text.startsWith("${Table.Arn}/index/")) {
            return text.substring("${Table.Arn}/".length());
        }
        throw new AssertionError(functionId + " is allowed something other than the table or its indexes: " + resource);
    }

    /** Modules that package their own Lambda jar. */
    static Set<String> lambdaModules() throws IOException {
        Set<String> modules = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(FUNCTIONS)) {
            for (Path dir : dirs.toList()) {
                Path pom = dir.resolve("pom.xml");
                if (Files.exists(pom) && Files.readString(pom).contains("<artifactId>maven-shade-plugin</artifactId>")) {
                    modules.add(dir.getFileName().toString());
                }
            }
        }
        return modules;
    }

    private static List<String> controllersOf(String module) throws IOException {
        Path classes = FUNCTIONS.resolve(module).resolve("target/classes");
        List<String> controllers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    if (Class.forName(name).isAnnotationPresent(Controller.class)) {
                        controllers.add(name);
                    }
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    throw new AssertionError(name + " of " + module + " is not on the test classpath", e);
                }
            }
        }
        return controllers;
    }

    private static Set<String> routesServedBy(String module) throws IOException {
        Set<String> routes = new TreeSet<>();
        for (String name : controllersOf(module)) {
            Class<?> controller;
            try {
                controller = Class.forName(name);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            String base = controller.getAnnotation(Controller.class).value();
            for (Method method : controller.getDeclaredMethods()) {
                for (Map.Entry<Class<? extends Annotation>, String> verb : METHODS.entrySet()) {
                    Annotation route = method.getAnnotation(verb.getKey());
                    if (route != null) {
                        routes.add(verb.getValue() + " " + join(base, routeValue(route)));
                    }
                }
            }
        }
        return routes;
    }

    private static String routeValue(Annotation route) {
        try {
            return (String) route.annotationType().getMethod("value").invoke(route);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static String join(String base, String path) {
        String joined = (base + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
