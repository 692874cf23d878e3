package io.connectionbroker.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.License;
import io.connectionbroker.domain.Platform;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** An instance as the API shows it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Instance")
public record InstanceView(String id, String url,
                           @Schema(implementation = Platform.class, requiredMode = REQUIRED) String platform,
                           @Schema(implementation = License.class, requiredMode = REQUIRED) String license,
                           @JsonProperty("public") boolean isPublic,
                           @Schema(format = "date-time", requiredMode = REQUIRED) String createdAt) {

    public static InstanceView of(Instance instance) {
        return new InstanceView(instance.id(), instance.url().value(), instance.platform().name(),
                instance.license().name(), instance.isPublic(), instance.createdAt().toString());
    }
}
