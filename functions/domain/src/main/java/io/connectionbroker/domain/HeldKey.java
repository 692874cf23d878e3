package io.connectionbroker.domain;

/**
 * An API key with the instance holding it, as authentication reads them.
 *
 * @param instance the key's instance, or null when it is no longer registered
 */
public record HeldKey(InstanceKey key, Instance instance) {
}
