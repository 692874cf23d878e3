package io.connectionbroker.testing.function;

import io.connectionbroker.domain.AcceptInvitation;
import io.connectionbroker.domain.ApiKey;
import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.InstanceKey;
import io.connectionbroker.domain.InstanceUrl;
import io.connectionbroker.domain.License;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance;
import io.connectionbroker.domain.SecureEntropy;
import io.connectionbroker.helpdesk.standin.StandInHelpdesks;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Sets up what a function test needs before its own request, through the domain operations of the
 * function's own context (a function module serves only its own route).
 */
public final class Arrange {
    private final FunctionUnderTest function;

    public Arrange(FunctionUnderTest function) {
        this.function = function;
    }

    /**
     * A registered instance at a URL no other test uses, with its API key and the licence the test needs, as
     * if its registration had been proven and the operator had set the licence: written to the store directly,
     * as a function serves only its own route.
     */
    public RegisterInstance.Registered instance(Platform platform, License license, boolean isPublic) {
        return instanceAt(newUrl(platform), license, isPublic);
    }

    /** An instance URL of the platform that no other test uses. */
    public static String newUrl(Platform platform) {
        return "https://" + platform.name().toLowerCase() + UUID.randomUUID().toString().replace("-", "")
                + "." + platform.host();
    }

    /** A registration's body as an app sends it, with an administrator's proof the stand-in helpdesks confirm. */
    public static String registration(String url) {
        return "{\"url\": \"" + url + "\", \"proof\": {\"kind\": \"OAUTH\", \"accessToken\": \""
                + StandInHelpdesks.ADMIN + "\"}}";
    }

    /** A registered instance at the URL, as {@link #instance(Platform, License, boolean)}. */
    public RegisterInstance.Registered instanceAt(String instanceUrl, License license, boolean isPublic) {
        InstanceUrl url = InstanceUrl.parse("url", instanceUrl);
        Platform platform = url.platform();
        Instant now = function.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        Instance instance = new Instance(UUID.randomUUID().toString(), url, platform, license,
                license == License.TRIAL ? now.plus(Instance.TRIAL) : null, isPublic, now);
        ApiKey key = ApiKey.issue(new SecureEntropy());
        // Its feed begins as registration begins it, so every instance arranged has a feed, as every real one.
        io.connectionbroker.domain.Event registered = new io.connectionbroker.domain.Event(
                UUID.randomUUID().toString(), io.connectionbroker.domain.EventType.INSTANCE_REGISTERED, now, null,
                new io.connectionbroker.domain.Actor(instance.id(), key.id()), java.util.Map.of("url", url.value(),
                "platform", platform.name(), "public", isPublic), java.util.List.of(instance.id()));
        if (!function.bean(ConnectionStore.class).registerInstance(instance,
                new InstanceKey(key.id(), instance.id(), key.hash(), now), java.util.List.of(registered), null)) {
            throw new IllegalStateException("the URL was registered already");
        }
        return new RegisterInstance.Registered(instance, key);
    }

    public RegisterInstance.Registered instance(Platform platform) {
        return instance(platform, License.PAID, true);
    }

    public InitiateConnection.Initiated connectionTo(Instance initiator, Instance destination, Mode mode) {
        return function.commitAs(initiator, () -> function.bean(InitiateConnection.class).initiate(initiator, new InitiateConnection.Command(
                destination.url().value(), false, mode, "src", "dst", null, null, "SUPPORT")));
    }

    public InitiateConnection.Initiated privateConnection(Instance initiator, Mode mode) {
        return function.commitAs(initiator, () -> function.bean(InitiateConnection.class).initiate(initiator, new InitiateConnection.Command(
                null, true, mode, "src", "dst", null, null, "SUPPORT")));
    }

    /** A connection from the initiator to the destination, accepted by the destination. */
    public Connection activeConnection(Instance initiator, Instance destination) {
        return accept(destination, connectionTo(initiator, destination, Mode.BASIC));
    }

    public Connection accept(Instance acceptor, InitiateConnection.Initiated initiated) {
        return function.commitAs(acceptor, () -> function.bean(AcceptInvitation.class).accept(acceptor,
                new AcceptInvitation.Command(initiated.code().reveal(), "HELP")));
    }
}
