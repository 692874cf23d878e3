package io.connectionbroker.upgrade;

import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.UpgradeConnection;
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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;

/** {@code POST /v1/connections/{id}/upgrade} {@code {"mode": "VISUAL" | "SCRIPT"}}: a Basic connection changes mode. */
@Controller("/v1/connections/{id}")
public class UpgradeConnectionController {
    private final CallerInstance callers;
    private final JsonBodies bodies;
    private final UpgradeConnection upgradeConnection;

    public UpgradeConnectionController(CallerInstance callers, JsonBodies bodies, UpgradeConnection upgradeConnection) {
        this.callers = callers;
        this.bodies = bodies;
        this.upgradeConnection = upgradeConnection;
    }

    @Post("/upgrade")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConnectionView upgrade(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                  @PathVariable String id, @Body @Nullable String body) {
        Instance caller = callers.from(authorization);
        JsonFields fields = bodies.read(body).allowOnly("mode");
        Mode mode = fields.enumValue("mode", Mode.class);
        fields.throwIfInvalid();
        return ConnectionView.of(upgradeConnection.upgrade(caller, id, mode));
    }
}
