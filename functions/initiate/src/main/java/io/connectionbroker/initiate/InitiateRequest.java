package io.connectionbroker.initiate;

import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.web.JsonFields;

/** Reads the body of an initiation: the destination is either {@code {"url": ...}} or {@code {"private": true}}. */
final class InitiateRequest {
    private InitiateRequest() {
    }

    static InitiateConnection.Command read(JsonFields fields) {
        fields.allowOnly("destination", "mode", "localShortName", "remoteShortName", "name", "description", "project",
                "adminAccess");
        JsonFields destination = fields.object("destination");
        String url = null;
        boolean isPrivate = false;
        if (destination == null) {
            fields.reject("destination", "is required: {\"url\": \"https://...\"} for an instance you can name,"
                    + " or {\"private\": true} when you have no URL");
        } else {
            destination.allowOnly("url", "private");
            url = destination.string("url");
            isPrivate = Boolean.TRUE.equals(destination.bool("private"));
            if (isPrivate && url != null) {
                destination.reject("url", "must be left out when private is true: a private destination has no URL");
            } else if (!isPrivate && url == null) {
                destination.reject("url", "is required unless private is true");
            }
        }
        InitiateConnection.Command command = new InitiateConnection.Command(url, isPrivate,
                fields.enumValue("mode", Mode.class), fields.string("localShortName"),
                fields.string("remoteShortName"), fields.string("name"), fields.string("description"),
                fields.string("project"), Boolean.TRUE.equals(fields.bool("adminAccess")));
        fields.throwIfInvalid();
        return command;
    }
}
