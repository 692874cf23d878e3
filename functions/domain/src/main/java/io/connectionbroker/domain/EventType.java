package io.connectionbroker.domain;

/**
 * What happened, as an event's {@code type} names it. Each type's {@code data} holds what changed, never a
 * secret; the OpenAPI document describes each.
 */
public enum EventType {
    INSTANCE_REGISTERED("instance.registered"),
    INSTANCE_URL_CHANGED("instance.url-changed"),
    API_KEY_CREATED("api-key.created"),
    API_KEY_REVOKED("api-key.revoked"),
    CONNECTION_INITIATED("connection.initiated"),
    INVITATION_REISSUED("invitation.reissued"),
    INVITATION_EXPIRED("invitation.expired"),
    CONNECTION_ACCEPTED("connection.accepted"),
    CONNECTION_DECLINED("connection.declined"),
    CONNECTION_DEACTIVATED("connection.deactivated"),
    CONNECTION_ACTIVATED("connection.activated"),
    CONNECTION_UPGRADED("connection.upgraded"),
    CONNECTION_EDITED("connection.edited"),
    CONNECTION_DELETED("connection.deleted"),
    RULES_CHANGED("rules.changed");

    private final String type;

    EventType(String type) {
        this.type = type;
    }

    /** The name clients see, for example {@code connection.accepted}. */
    public String type() {
        return type;
    }

    public static java.util.Optional<EventType> named(String type) {
        for (EventType known : values()) {
            if (known.type.equals(type)) {
                return java.util.Optional.of(known);
            }
        }
        return java.util.Optional.empty();
    }
}
