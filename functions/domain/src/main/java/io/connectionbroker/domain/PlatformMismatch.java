package io.connectionbroker.domain;

/** A registration that names another platform than the one its URL belongs to. */
public final class PlatformMismatch extends Refusal {
    PlatformMismatch(InstanceUrl url, Platform claimed) {
        super("platform is " + claimed + ", but " + url + " is a " + url.platform() + " instance: the platform"
                + " follows from the URL's host. Send " + url.platform() + ", or leave platform out.");
    }

    @Override
    public String kind() {
        return "platform-mismatch";
    }

    @Override
    public String title() {
        return "The platform does not match the instance URL";
    }
}
