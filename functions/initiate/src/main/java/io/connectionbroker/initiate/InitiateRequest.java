package io.connectionbroker.initiate;

import io.connectionbroker.domain.Texts;
import io.connectionbroker.domain.InstanceUrl;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.web.body.CrossFieldRules;
import io.connectionbroker.web.body.JsonFields;
import io.connectionbroker.web.body.RequiredField;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Reads the body of an initiation: the destination is either {@code {"url": ...}} or {@code {"private": true}}. */
final class InitiateRequest {
    private InitiateRequest() {
    }

    /** The body as the API documents it, and as {@link #read} reads it. */
    @Schema(name = "InitiateRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record Body(@RequiredField("{\"url\": \"https://...\"} for an instance you can name, or {\"private\": true}"
                        + " when you have no URL")
                @Schema(requiredMode = REQUIRED, description = "Give `url`, or `private: true` for a destination"
                        + " in a closed network that has no URL") Destination destination,
                @Schema(requiredMode = REQUIRED) Mode mode,
                @Schema(description = "How the source calls itself in this connection", requiredMode = REQUIRED,
                        minLength = 1, maxLength = Texts.SHORT_NAME_MAX, pattern = Texts.SHORT_NAME_PATTERN)
                String localShortName,
                @Schema(description = "How the destination is called in this connection", requiredMode = REQUIRED,
                        minLength = 1, maxLength = Texts.SHORT_NAME_MAX, pattern = Texts.SHORT_NAME_PATTERN)
                String remoteShortName,
                @Nullable @Schema(description = "Defaults to `<localShortName>_to_<remoteShortName>`; one line,"
                        + " not blank", minLength = 1, maxLength = Texts.NAME_MAX) String name,
                @Nullable @Schema(description = "May span lines", maxLength = Texts.DESCRIPTION_MAX) String description,
                @Schema(description = "Where the source puts items that arrive through this connection; one line",
                        requiredMode = REQUIRED, minLength = 1, maxLength = Texts.PROJECT_MAX) String project,
                @Nullable @Schema(description = "BASIC, not private: the destination's admin confirms on their"
                        + " instance instead of pasting a code") Boolean adminAccess) {
        static final String EXAMPLE = """
                {"destination": {"url": "https://beta.freshdesk.com"}, "mode": "SCRIPT",
                 "localShortName": "acme", "remoteShortName": "beta", "name": "acme to beta",
                 "description": "Support tickets both ways", "project": "SUPPORT"}""";
    }

    /** Either the destination's URL, or {@code private: true} when it has none (it starts every request). */
    @Schema(name = "Destination", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record Destination(@Nullable @Schema(format = "uri", maxLength = InstanceUrl.MAX_LENGTH,
                               pattern = InstanceUrl.PATTERN) String url,
                       @Nullable @Schema(name = "private") Boolean privateDestination) implements CrossFieldRules {
        /** Not an accessor, so that the document shows no second property. */
        static boolean isPrivate(Destination destination) {
            return destination != null && Boolean.TRUE.equals(destination.privateDestination());
        }

        @Override
        public void check(JsonFields fields) {
            if (isPrivate(this) && url != null) {
                fields.reject("url", "must be left out when private is true: a private destination has no URL");
            } else if (!isPrivate(this) && url == null) {
                fields.reject("url", "is required unless private is true");
            }
        }
    }

    static InitiateConnection.Command read(JsonFields fields) {
        Body body = fields.as(Body.class);
        Destination destination = body.destination();
        InitiateConnection.Command command = new InitiateConnection.Command(
                destination == null ? null : destination.url(), Destination.isPrivate(destination), body.mode(),
                body.localShortName(), body.remoteShortName(), body.name(), body.description(), body.project(),
                Boolean.TRUE.equals(body.adminAccess()));
        fields.throwIfInvalid();
        return command;
    }
}
