package io.connectionbroker.accept;

import io.connectionbroker.domain.AcceptInvitation;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.ConnectionView;
import io.connectionbroker.web.JsonBodies;
import io.connectionbroker.web.JsonFields;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /v1/invitations/accept}: the invited instance accepts with the code and picks its project. */
@Controller("/v1/invitations")
public class AcceptInvitationController {
    private final CallerInstance callers;
    private final JsonBodies bodies;
    private final AcceptInvitation acceptInvitation;

    public AcceptInvitationController(CallerInstance callers, JsonBodies bodies, AcceptInvitation acceptInvitation) {
        this.callers = callers;
        this.bodies = bodies;
        this.acceptInvitation = acceptInvitation;
    }

    @Post("/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public Acceptance accept(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                             @Body @Nullable String body) {
        Instance caller = callers.from(authorization);
        JsonFields fields = bodies.read(body).allowOnly("code", "project");
        AcceptInvitation.Command command = new AcceptInvitation.Command(fields.string("code"), fields.string("project"));
        if (command.code() == null) {
            fields.reject("code", "is required: the invitation code the initiating admin gave you");
        }
        fields.throwIfInvalid();
        return new Acceptance(ConnectionView.of(acceptInvitation.accept(caller, command)));
    }

    /** The connection, now active. */
    @Serdeable
    public record Acceptance(ConnectionView connection) {
    }
}
