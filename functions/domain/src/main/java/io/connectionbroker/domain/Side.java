package io.connectionbroker.domain;

/**
 * One end of a connection. Fields not known yet are null: the destination's instance, platform and
 * project are known once it accepts, and a private destination's URL too.
 *
 * @param reachable whether requests can be pushed to this side: false for a private connection's
 *                  destination (it starts every request itself) and for an instance registered as private;
 *                  null while not known (a destination not registered yet)
 */
public record Side(String instanceId, InstanceUrl url, Platform platform, String shortName, String project,
                   Boolean reachable) {

    /** A side whose reachability follows from its instance, or is not known yet. */
    public Side(String instanceId, InstanceUrl url, Platform platform, String shortName, String project) {
        this(instanceId, url, platform, shortName, project, null);
    }
}
