package io.connectionbroker.decline;

import io.connectionbroker.domain.DeclineInvitation;
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

/** {@code POST /v1/invitations/decline}: the invited instance turns the invitation down with its code. */
@Controller("/v1/invitations")
public class DeclineInvitationController {
    private final CallerInstance callers;
    private final JsonBodies bodies;
    private final DeclineInvitation declineInvitation;

    public DeclineInvitationController(CallerInstance callers, JsonBodies bodies, DeclineInvitation declineInvitation) {
        this.callers = callers;
        this.bodies = bodies;
        this.declineInvitation = declineInvitation;
    }

    @Post("/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    public Declination decline(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                               @Body @Nullable String body) {
        Instance caller = callers.from(authorization);
        JsonFields fields = bodies.read(body).allowOnly("code");
        String code = fields.string("code");
        if (code == null) {
            fields.reject("code", "is required: the invitation code you were given");
        }
        fields.throwIfInvalid();
        return new Declination(ConnectionView.of(declineInvitation.decline(caller, code)));
    }

    /** The connection, now declined. */
    @Serdeable
    public record Declination(ConnectionView connection) {
    }
}
