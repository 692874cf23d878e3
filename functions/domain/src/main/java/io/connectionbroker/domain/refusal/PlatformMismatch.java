package io.connectionbroker.domain.refusal;

import io.connectionbroker.domain.InstanceUrl;
import io.connectionbroker.domain.Platform;

/** A registration that names another platform than the one its URL belongs to. */
public final class PlatformMismatch extends Refusal {
    public PlatformMismatch(InstanceUrl url, Platform claimed) {
        super("platform is " + claimed + ", but " + url + " is a " + url.platform() + " instance: the platform"
                + " follows from the URL's host. Send " + url.platform() + ", or leave platform out.");
    }

    @Override
    public Kind kind() {
        return Kind.PLATFORM_MISMATCH;
    }
}
