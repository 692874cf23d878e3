package io.connectionbroker.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The base URL of a helpdesk instance, normalised so that one instance has exactly one spelling:
 * absolute {@code https}, no user info, query or fragment, lower-case host, no default port, no trailing slash.
 */
public final class InstanceUrl {
    /** Instance base URLs are short; the bound keeps every storage key well under DynamoDB's 2,048 bytes. */
    static final int MAX_LENGTH = 1024;

    private final String value;

    private InstanceUrl(String value) {
        this.value = value;
    }

    /**
     * @param field the request field the text came from, named in the error
     * @throws InvalidRequest naming the field and what is wrong with it
     */
    public static InstanceUrl parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidRequest.of(field, "is required: the instance's https URL, for example https://acme.zendesk.com");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw InvalidRequest.of(field, "is longer than " + MAX_LENGTH + " characters");
        }
        if (!trimmed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw InvalidRequest.of(field, "must be plain ASCII without spaces: write an international domain"
                    + " name in its xn-- form and percent-encode other characters");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw InvalidRequest.of(field, "is not a valid URL: " + e.getReason());
        }
        if (!uri.isAbsolute() || uri.getScheme() == null || !"https".equalsIgnoreCase(uri.getScheme())) {
            throw InvalidRequest.of(field, "must be an absolute https URL, for example https://acme.zendesk.com");
        }
        if (uri.getRawUserInfo() != null) {
            throw InvalidRequest.of(field, "must not contain user info (user:password@)");
        }
        if (uri.getRawQuery() != null) {
            throw InvalidRequest.of(field, "must not contain a query (?...)");
        }
        if (uri.getRawFragment() != null) {
            throw InvalidRequest.of(field, "must not contain a fragment (#...)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw InvalidRequest.of(field, "must name a host, for example https://acme.zendesk.com");
        }
        int port = uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder normalised = new StringBuilder("https://").append(host.toLowerCase(Locale.ROOT));
        if (port != -1 && port != 443) {
            normalised.append(':').append(port);
        }
        normalised.append(path);
        return new InstanceUrl(normalised.toString());
    }

    /** For values read back from storage, which were normalised when they were written. */
    public static InstanceUrl ofStored(String normalised) {
        return new InstanceUrl(normalised);
    }

    public String value() {
        return value;
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
