package io.connectionbroker.web.document;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.connectionbroker.domain.AppUrls;
import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStatus;
import io.connectionbroker.domain.ConnectionType;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.Side;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A connection as the API shows it. Every field is always present; one not known yet is {@code null}
 * (a private destination's URL, say, until it accepts). Times are ISO-8601 instants in UTC.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Connection")
public record ConnectionView(
        String id,
        @Schema(implementation = ConnectionStatus.class, requiredMode = REQUIRED) String status,
        @Schema(implementation = ConnectionType.class, requiredMode = REQUIRED) String type,
        @Schema(implementation = Mode.class, requiredMode = REQUIRED) String mode,
        String name,
        @Schema(nullable = true, requiredMode = REQUIRED) String description,
        SideView source,
        SideView destination,
        @Schema(nullable = true, requiredMode = REQUIRED, format = "date-time",
                description = "When the invitation code lapses; null once the invitation is answered")
        String invitationExpiresAt,
        @Schema(format = "date-time", requiredMode = REQUIRED) String createdAt,
        @Schema(format = "date-time", requiredMode = REQUIRED) String updatedAt,
        @Schema(type = "string", allowableValues = {"SOURCE", "DESTINATION"}, requiredMode = REQUIRED,
                description = "Which side the calling instance is: SOURCE for the one that initiated the"
                        + " connection (and for a LOCAL connection, whose two sides are one instance)")
        String yourSide) {

    /** What the ETag of a connection's answer is, for the document. */
    public static final String ETAG_DESCRIPTION = "The tag of this answer: it changes whenever the connection as"
            + " the caller sees it does. Send it in If-Match to edit, or in If-None-Match to poll.";

    /**
     * The connection as the instance {@code callerId}, one of its sides, sees it.
     *
     * @param appUrls where each side's admin finds the connection in its helpdesk app
     */
    public static ConnectionView of(Connection connection, String callerId, AppUrls appUrls) {
        return new ConnectionView(connection.id(), connection.status().name(), connection.type().name(),
                connection.mode().name(), connection.name(), connection.description(),
                SideView.of(connection.source(), appUrls.appUrl(connection.source(), connection.id())),
                SideView.of(connection.destination(), appUrls.appUrl(connection.destination(), connection.id())),
                text(connection.invitationOpenUntil()), text(connection.createdAt()), text(connection.updatedAt()),
                connection.sideOf(callerId).name());
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** One end of a connection. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Side", description = "One end of a connection; what is not known until the destination accepts is null")
    public record SideView(@Schema(nullable = true, requiredMode = REQUIRED) String instanceId,
                           @Schema(nullable = true, requiredMode = REQUIRED, description = "null for a private destination")
                           String url,
                           @Schema(nullable = true, requiredMode = REQUIRED, type = "string",
                                   allowableValues = {"ZENDESK", "FRESHDESK", "FRESHSERVICE"},
                                   description = "null for a private destination until it accepts") String platform,
                           String shortName,
                           @Schema(nullable = true, requiredMode = REQUIRED) String project,
                           @Schema(nullable = true, requiredMode = REQUIRED, format = "uri", description = "Where this side's admin finds the"
                                   + " connection in its helpdesk app (\"Go to remote\"): null until the side has"
                                   + " joined, and for a private side, which nobody outside its network could open")
                           String appUrl) {
        static SideView of(Side side, String appUrl) {
            return new SideView(side.instanceId(), side.url() == null ? null : side.url().value(),
                    side.platform() == null ? null : side.platform().name(), side.shortName(), side.project(),
                    appUrl);
        }
    }
}
