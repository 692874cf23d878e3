package io.connectionbroker.web.document;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.License;
import io.connectionbroker.domain.Platform;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * An instance as the API shows it: its licence as in force now (a lapsed trial shows FREE), and when its trial
 * ends or ended.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Instance")
public record InstanceView(String id, String url,
                           @Schema(implementation = Platform.class, requiredMode = REQUIRED) String platform,
                           @Schema(implementation = License.class, requiredMode = REQUIRED) String license,
                           @Schema(format = "date-time", nullable = true, requiredMode = REQUIRED,
                                   description = "When the 30-day trial every new instance starts on ends or ended;"
                                           + " null for an instance registered before trials")
                           String trialEndsAt,
                           @JsonProperty("public") @Schema(name = "public", requiredMode = REQUIRED,
                                   description = "Whether other instances can reach it")
                           boolean isPublic,
                           @Schema(format = "date-time", requiredMode = REQUIRED) String createdAt) {

    public static InstanceView of(Instance instance, Instant now) {
        return new InstanceView(instance.id(), instance.url().value(), instance.platform().name(),
                instance.licenseAt(now).name(),
                instance.trialEndsAt() == null ? null : instance.trialEndsAt().toString(), instance.isPublic(),
                instance.createdAt().toString());
    }
}
