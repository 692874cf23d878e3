package io.connectionbroker.openapi;

import io.connectionbroker.accept.AcceptInvitationController;
import io.connectionbroker.accept.InvitationPreviewController;
import io.connectionbroker.activation.ConnectionActivationController;
import io.connectionbroker.activation.EditConnectionController;
import io.connectionbroker.decline.DeclineInvitationController;
import io.connectionbroker.delete.DeleteConnectionController;
import io.connectionbroker.initiate.DestinationController;
import io.connectionbroker.initiate.InitiateConnectionController;
import io.connectionbroker.initiate.ReinviteController;
import io.connectionbroker.instances.InstanceKeysController;
import io.connectionbroker.instances.InstanceUrlController;
import io.connectionbroker.instances.OperatorLicenseController;
import io.connectionbroker.instances.RecoverInstanceController;
import io.connectionbroker.instances.RegisterInstanceController;
import io.connectionbroker.rules.SyncRulesController;
import io.connectionbroker.status.ConnectionStatusController;
import io.connectionbroker.upgrade.UpgradeConnectionController;
import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.servers.ServerVariable;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The API's OpenAPI document: micronaut-openapi builds it while this module compiles, from the controllers
 * of every function (each lives in its own module, so they are named here) and from src/main/openapi,
 * into META-INF/swagger. {@code RoutesMatchDocumentTest} fails the build when a function serves a route
 * this list leaves out.
 */
@OpenAPIDefinition(
        info = @Info(title = "connection-broker", version = "1", description = """
                Sets up connections for two-way ticket synchronisation between helpdesk instances. An instance's app \
                registers once and gets an API key; an admin initiates a connection and hands the one-time \
                invitation code to the other side's admin, whose app accepts it. Refusals are RFC 9457 problem \
                details (`application/problem+json`) whose `type` names the kind of problem; \
                `components.examples` has one example of each."""),
        tags = {
                @Tag(name = "Instances", description = "Registration of helpdesk instances, and their API keys"),
                @Tag(name = "Connections", description = "A connection's life: check a destination, initiate, read, list,"
                        + " edit, switch off and on, upgrade, delete"),
                @Tag(name = "Invitations", description = "The other side's look at an invitation code, and its answer"),
                @Tag(name = "Rules", description = "Each side's sync rules"),
                @Tag(name = "Events", description = "What happened, per instance: the feed a private side polls, and"
                        + " the audit trail"),
                @Tag(name = "Operator", description = "The broker operator's calls; not for helpdesk apps"),
        },
        servers = {
                @Server(url = "https://{apiId}.execute-api.{region}.amazonaws.com", description = "Deployed with"
                        + " infra/template.yaml (the stack's ApiUrl output)", variables = {
                        @ServerVariable(name = "apiId", defaultValue = "abcdef1234",
                                description = "The HTTP API's id"),
                        @ServerVariable(name = "region", defaultValue = "eu-west-1",
                                description = "The AWS region of the stack")}),
                @Server(url = "http://localhost:8080", description = "The local API (README's run command)"),
        })
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The API key the instance got when it registered: `Authorization: Bearer cbk_...`")
@SecurityScheme(name = "operator", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "Authorization",
        description = "The broker's operator. In AWS: a SigV4-signed request (`Authorization: AWS4-HMAC-SHA256 ...`)"
                + " of an IAM principal allowed to invoke the route (see infra/README.md). In the local run:"
                + " `Authorization: Bearer <CONNECTION_BROKER_OPERATOR_TOKEN>`.")
@OpenAPIInclude(classes = {
        RegisterInstanceController.class,
        InstanceKeysController.class,
        OperatorLicenseController.class,
        RecoverInstanceController.class,
        InstanceUrlController.class,
        DestinationController.class,
        io.connectionbroker.status.EventFeedController.class,
        InitiateConnectionController.class,
        ReinviteController.class,
        InvitationPreviewController.class,
        AcceptInvitationController.class,
        DeclineInvitationController.class,
        ConnectionStatusController.class,
        ConnectionActivationController.class,
        EditConnectionController.class,
        DeleteConnectionController.class,
        SyncRulesController.class,
        UpgradeConnectionController.class,
})
public final class ApiDocument {
    /** Where micronaut-openapi writes the document on the classpath (its name comes from the title and version). */
    public static final String RESOURCE = "META-INF/swagger/connection-broker-1.yml";

    private ApiDocument() {
    }
}
