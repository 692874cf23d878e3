package io.connectionbroker.instances;

import io.connectionbroker.domain.License;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance;
import io.connectionbroker.web.InstanceView;
import io.connectionbroker.web.JsonBodies;
import io.connectionbroker.web.JsonFields;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /v1/instances}: registers a helpdesk instance and shows its API key once. No key needed. */
@Controller("/v1/instances")
public class RegisterInstanceController {
    private final JsonBodies bodies;
    private final RegisterInstance registerInstance;

    public RegisterInstanceController(JsonBodies bodies, RegisterInstance registerInstance) {
        this.bodies = bodies;
        this.registerInstance = registerInstance;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<Registration> register(@Body @Nullable String body) {
        JsonFields fields = bodies.read(body).allowOnly("url", "platform", "license", "public");
        RegisterInstance.Command command = new RegisterInstance.Command(fields.string("url"),
                fields.enumValue("platform", Platform.class), fields.enumValue("license", License.class),
                fields.bool("public"));
        fields.throwIfInvalid();
        RegisterInstance.Registered registered = registerInstance.register(command);
        return HttpResponse.created(new Registration(InstanceView.of(registered.instance()),
                        registered.apiKey().reveal()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The new instance and its API key: the only answer that ever shows the key. */
    @Serdeable
    public record Registration(InstanceView instance, String apiKey) {
    }
}
