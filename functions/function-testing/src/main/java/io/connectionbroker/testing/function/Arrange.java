package io.connectionbroker.testing.function;

import io.connectionbroker.domain.AcceptInvitation;
import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.License;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance;
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

    /** A registered instance at a URL no other test uses, with its API key. */
    public RegisterInstance.Registered instance(Platform platform, License license, boolean isPublic) {
        String url = "https://" + platform.name().toLowerCase() + "-" + UUID.randomUUID() + ".example.com";
        return function.bean(RegisterInstance.class)
                .register(new RegisterInstance.Command(url, platform, license, isPublic));
    }

    public RegisterInstance.Registered instance(Platform platform) {
        return instance(platform, License.PAID, true);
    }

    public InitiateConnection.Initiated connectionTo(Instance initiator, Instance destination, Mode mode) {
        return function.bean(InitiateConnection.class).initiate(initiator, new InitiateConnection.Command(
                destination.url().value(), false, mode, "src", "dst", null, null, "SUPPORT"));
    }

    public InitiateConnection.Initiated privateConnection(Instance initiator, Mode mode) {
        return function.bean(InitiateConnection.class).initiate(initiator, new InitiateConnection.Command(
                null, true, mode, "src", "dst", null, null, "SUPPORT"));
    }

    /** A connection from the initiator to the destination, accepted by the destination. */
    public Connection activeConnection(Instance initiator, Instance destination) {
        return accept(destination, connectionTo(initiator, destination, Mode.BASIC));
    }

    public Connection accept(Instance acceptor, InitiateConnection.Initiated initiated) {
        return function.bean(AcceptInvitation.class).accept(acceptor,
                new AcceptInvitation.Command(initiated.code().reveal(), "HELP"));
    }
}
