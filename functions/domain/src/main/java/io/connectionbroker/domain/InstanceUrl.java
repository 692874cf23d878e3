package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.InvalidRequest;
import io.connectionbroker.domain.refusal.UnsupportedInstanceUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The base URL of a helpdesk instance: {@code https://<account>.<platform host>}, nothing more, so that one
 * instance has exactly one spelling and its URL tells its platform. Spellings that name the same address are
 * normalised (upper case, a trailing dot or slash, the default port); anything else is refused, since no
 * helpdesk instance can be there: another host, an IP address, a path, another port, user info, a query or a
 * fragment.
 */
public final class InstanceUrl {
    /** One DNS label: what the platforms allow as an account's sub-domain. */
    private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /** Longer text cannot be an instance URL; the bound keeps parsing cheap. */
    public static final int MAX_LENGTH = 300;
    /**
     * An instance URL as the document states it: https, in any case, with the white space around it that a
     * paste brings (it is trimmed); the rest of the rules are the refusal's to say.
     */
    public static final String PATTERN = "^\\s*[Hh][Tt][Tt][Pp][Ss]://\\S+\\s*$";

    private final String value;
    private final Platform platform;

    private InstanceUrl(String value, Platform platform) {
        this.value = value;
        this.platform = platform;
    }

    /**
     * @param field the request field the text came from, named in the refusal
     * @throws InvalidRequest          when the text is missing or blank
     * @throws UnsupportedInstanceUrl  when it is not a helpdesk instance's URL; it never repeats the text
     */
    public static InstanceUrl parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidRequest.of(field, "is required: the instance's https URL, for example https://acme.zendesk.com");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH || !trimmed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new UnsupportedInstanceUrl(field, "is too long or holds characters no instance URL has");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new UnsupportedInstanceUrl(field, "is not a valid URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null) {
            throw new UnsupportedInstanceUrl(field, "must be an absolute https URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new UnsupportedInstanceUrl(field, "must not hold user info, a query or a fragment");
        }
        if (uri.getPort() != -1 && uri.getPort() != 443) {
            throw new UnsupportedInstanceUrl(field, "must not name a port");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new UnsupportedInstanceUrl(field, "must not have a path");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        Platform platform = platformOf(host);
        if (platform == null || !ACCOUNT.matcher(host.substring(0, host.indexOf('.'))).matches()) {
            throw new UnsupportedInstanceUrl(field, "is not on a helpdesk platform's host");
        }
        return new InstanceUrl("https://" + host, platform);
    }

    /** For values read back from storage, which were normalised when they were written. */
    public static InstanceUrl ofStored(String normalised) {
        return new InstanceUrl(normalised, platformOf(normalised.substring(normalised.indexOf("://") + 3)));
    }

    /** The platform whose accounts the host is one of ({@code <account>.<platform host>}), or null. */
    private static Platform platformOf(String host) {
        int firstDot = host.indexOf('.');
        return firstDot < 0 ? null : Platform.servingAccountsUnder(host.substring(firstDot + 1)).orElse(null);
    }

    public String value() {
        return value;
    }

    /** The platform the URL's host belongs to (null only for a URL stored before URLs were checked). */
    public Platform platform() {
        return platform;
    }

    /** The host, for example {@code acme.zendesk.com}. */
    public String host() {
        return value.substring("https://".length());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InstanceUrl url && url.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
