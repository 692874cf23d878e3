package io.connectionbroker.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.Side;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A connection as the API shows it. Every field is always present; one not known yet is {@code null}
 * (a private destination's URL, say, until it accepts). Times are ISO-8601 instants in UTC.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConnectionView(String id, String status, String type, String mode, String name, String description,
                             SideView source, SideView destination, String invitationExpiresAt, String createdAt,
                             String updatedAt) {

    public static ConnectionView of(Connection connection) {
        return new ConnectionView(connection.id(), connection.status().name(), connection.type().name(),
                connection.mode().name(), connection.name(), connection.description(),
                SideView.of(connection.source()), SideView.of(connection.destination()),
                text(connection.invitationExpiresAt()), text(connection.createdAt()), text(connection.updatedAt()));
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** One end of a connection. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SideView(String instanceId, String url, String platform, String shortName, String project) {
        static SideView of(Side side) {
            return new SideView(side.instanceId(), side.url() == null ? null : side.url().value(),
                    side.platform() == null ? null : side.platform().name(), side.shortName(), side.project());
        }
    }
}
