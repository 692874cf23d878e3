package io.connectionbroker.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where each platform's admin finds a connection in the helpdesk app ("Go to remote"), and confirms an
 * admin-access connection: one pattern per platform, a deployment setting, since it depends on the name the
 * app was installed under. {@code {url}} is the instance's URL and {@code {path}} what the app opens:
 * {@code connections/<id>}, or {@code connections/<id>/confirm/<code>} to confirm.
 */
public record AppUrls(Map<Platform, String> patterns) {
    /** Zendesk passes the segments after a nav-bar app's name to the app (its app.route.changed event). */
    public static final String ZENDESK_DEFAULT = "{url}/agent/apps/connection-broker/{path}";
    /** A Freshworks full-page app under the same name. */
    public static final String FRESHWORKS_DEFAULT = "{url}/a/apps/connection-broker/{path}";

    /** @throws IllegalArgumentException for a platform without a pattern, or a pattern off the instance's URL */
    public AppUrls {
        for (Platform platform : Platform.values()) {
            String pattern = patterns.get(platform);
            if (pattern == null || !pattern.startsWith("{url}/") || !pattern.contains("{path}")
                    || pattern.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("the app URL pattern of " + platform + " must start with {url}/"
                        + " and hold {path}, with no spaces; it is " + pattern);
            }
        }
        patterns = Map.copyOf(new EnumMap<>(patterns));
    }

    public static AppUrls defaults() {
        return new AppUrls(Map.of(Platform.ZENDESK, ZENDESK_DEFAULT, Platform.FRESHDESK, FRESHWORKS_DEFAULT,
                Platform.FRESHSERVICE, FRESHWORKS_DEFAULT));
    }

    /**
     * Where the side's admin finds the connection: null while the side has not joined (a destination that has not
     * accepted) and for a side that cannot be reached (a private side: nobody outside its network could open it).
     */
    public String appUrl(Side side, String connectionId) {
        if (side.instanceId() == null || side.url() == null || side.platform() == null
                || !Boolean.TRUE.equals(side.reachable())) {
            return null;
        }
        return fill(side.url(), side.platform(), "connections/" + connectionId);
    }

    /** Where the destination's admin confirms an admin-access connection; the URL carries the code. */
    String confirmUrl(InstanceUrl destination, Platform platform, String connectionId, InvitationCode code) {
        return fill(destination, platform, "connections/" + connectionId + "/confirm/" + code.reveal());
    }

    private String fill(InstanceUrl url, Platform platform, String path) {
        return patterns.get(platform).replace("{url}", url.value()).replace("{path}", path);
    }
}
