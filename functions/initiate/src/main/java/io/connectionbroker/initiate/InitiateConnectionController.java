package io.connectionbroker.initiate;

import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.ConnectionView;
import io.connectionbroker.web.JsonBodies;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;

/** {@code POST /v1/connections}: the caller's instance initiates a connection and gets its invitation code once. */
@Controller("/v1/connections")
public class InitiateConnectionController {
    private final CallerInstance callers;
    private final JsonBodies bodies;
    private final InitiateConnection initiateConnection;

    public InitiateConnectionController(CallerInstance callers, JsonBodies bodies,
                                        InitiateConnection initiateConnection) {
        this.callers = callers;
        this.bodies = bodies;
        this.initiateConnection = initiateConnection;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<?> initiate(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                    @Body @Nullable String body) {
        Instance caller = callers.from(authorization);
        InitiateConnection.Command command = InitiateRequest.read(bodies.read(body));
        InitiateConnection.Initiated initiated = initiateConnection.initiate(caller, command);
        Object answer = initiated.confirmUrl() != null
                ? new AdminAccessInitiation(ConnectionView.of(initiated.connection()), initiated.confirmUrl())
                : Initiation.of(initiated);
        return HttpResponse.created(answer, URI.create("/v1/connections/" + initiated.connection().id()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The new connection and its invitation: the only answer that ever shows the code. */
    @Serdeable
    public record Initiation(ConnectionView connection, Invitation invitation) {
        static Initiation of(InitiateConnection.Initiated initiated) {
            return new Initiation(ConnectionView.of(initiated.connection()), new Invitation(
                    initiated.code().reveal(), initiated.connection().invitationExpiresAt().toString()));
        }
    }

    /**
     * An admin-access connection: instead of a code to hand over, the URL on the destination instance where
     * the admin confirms (its code lives 15 minutes); the destination's app redeems it through accept.
     */
    @Serdeable
    public record AdminAccessInitiation(ConnectionView connection, String confirmUrl) {
    }

    /** The one-time code to hand to the other side's admin, and when it lapses. */
    @Serdeable
    public record Invitation(String code, String expiresAt) {
    }
}
