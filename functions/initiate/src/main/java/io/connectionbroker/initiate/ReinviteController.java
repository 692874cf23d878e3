package io.connectionbroker.initiate;

import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.web.CallerInstance;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code POST /v1/connections/{id}/invitation}: the source of a pending or expired connection gets a new
 * invitation code, shown once; the previous code stops working at once. No body.
 */
@Controller("/v1/connections/{id}")
public class ReinviteController {
    private final CallerInstance callers;
    private final InitiateConnection initiateConnection;

    public ReinviteController(CallerInstance callers, InitiateConnection initiateConnection) {
        this.callers = callers;
        this.initiateConnection = initiateConnection;
    }

    @Post("/invitation")
    public HttpResponse<Reinvitation> reinvite(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                               @PathVariable String id) {
        InitiateConnection.Initiated reinvited = initiateConnection.reinvite(callers.from(authorization), id);
        return HttpResponse.created(new Reinvitation(new InitiateConnectionController.Invitation(
                        reinvited.code().reveal(), reinvited.connection().invitationExpiresAt().toString())))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The new invitation: the only answer that ever shows its code. */
    @Serdeable
    public record Reinvitation(InitiateConnectionController.Invitation invitation) {
    }
}
