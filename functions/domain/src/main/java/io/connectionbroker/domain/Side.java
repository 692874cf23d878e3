package io.connectionbroker.domain;

/**
 * One end of a connection. Fields not known yet are null: the destination's instance, platform and
 * project are known once it accepts, and a private destination's URL too.
 */
public record Side(String instanceId, InstanceUrl url, Platform platform, String shortName, String project) {
}
