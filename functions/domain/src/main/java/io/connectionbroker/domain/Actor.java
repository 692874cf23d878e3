package io.connectionbroker.domain;

/**
 * Who made a change: the instance, and the API key it called with. The key is null where the instance proved
 * itself through its helpdesk instead (recovering its keys); a registration names the key it issued.
 */
public record Actor(String instanceId, String keyId) {
    /** A request with no calling instance: registering, recovering keys, the operator. */
    public static final Actor ANONYMOUS = new Actor(null, null);

    public boolean isAnonymous() {
        return instanceId == null;
    }
}
