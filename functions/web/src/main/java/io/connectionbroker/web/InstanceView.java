package io.connectionbroker.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.connectionbroker.domain.Instance;
import io.micronaut.serde.annotation.Serdeable;

/** An instance as the API shows it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InstanceView(String id, String url, String platform, String license,
                           @JsonProperty("public") boolean isPublic, String createdAt) {

    public static InstanceView of(Instance instance) {
        return new InstanceView(instance.id(), instance.url().value(), instance.platform().name(),
                instance.license().name(), instance.isPublic(), instance.createdAt().toString());
    }
}
