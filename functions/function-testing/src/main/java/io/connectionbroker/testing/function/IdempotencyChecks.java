package io.connectionbroker.testing.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.connectionbroker.domain.IdempotentRequests;
import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.Proof;
import io.connectionbroker.domain.RegisterInstance;
import io.connectionbroker.helpdesk.standin.StandInHelpdesks;
import io.connectionbroker.testing.function.FaultTolerance.Call;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.connectionbroker.web.document.IdempotencyHeaders;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What every POST promises with an Idempotency-Key, checked through the function's handler on DynamoDB
 * Local: the same request sent again gets the first answer and changes nothing; the key of another request
 * is refused; a malformed key is refused before anything changes.
 */
public final class IdempotencyChecks {
    private final FunctionUnderTest function;

    public IdempotencyChecks(FunctionUnderTest function) {
        this.function = function;
    }

    /**
     * @param prepare arranges what the request needs and returns it, without a key; called once per check
     * @param caller  the calling instance, whose keys these are; null for registration, which has none
     */
    public void assertAll(Supplier<Call> prepare, int success, Instance caller) {
        assertSentAgainGetsTheFirstAnswer(prepare.get(), success);
        assertKeyOfAnotherRequestIsRefused(prepare.get(), caller);
        assertMalformedKeyIsRefused(prepare.get());
    }

    /** @return the first answer */
    public Answer assertSentAgainGetsTheFirstAnswer(Call request, int success) {
        Call call = request.withIdempotencyKey();
        var before = TableItems.of(function);
        Answer first = call.send(function);
        assertEquals(success, first.status(), "first: " + first);
        assertNull(first.header(IdempotencyHeaders.REPLAYED), "the first answer is not a replay");
        var afterFirst = TableItems.of(function);
        assertNotEquals(before, afterFirst, "the first request took effect");

        Answer again = call.send(function);

        assertEquals(success, again.status(), "again: " + again);
        assertEquals(first.body(), again.body(), "the first answer, byte for byte");
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.header("Cache-Control"), again.header("Cache-Control"));
        assertEquals("application/json", again.header("Content-Type"));
        assertEquals("true", again.header(IdempotencyHeaders.REPLAYED));
        assertEquals(afterFirst, TableItems.of(function), "sent again, the request changed nothing");
        return first;
    }

    /** The caller first used the key for another request (initiating a connection, or another registration). */
    public void assertKeyOfAnotherRequestIsRefused(Call request, Instance caller) {
        Call call = request.withIdempotencyKey();
        IdempotentRequests requests = function.bean(IdempotentRequests.class);
        if (caller == null) {
            RegisterInstance.Command other = new RegisterInstance.Command("https://other" + UUID.randomUUID()
                    .toString().replace("-", "") + ".zendesk.com", Platform.ZENDESK, true,
                    new Proof.OAuth(StandInHelpdesks.ADMIN));
            assertInstanceOf(IdempotentRequests.Performed.class, requests.<RegisterInstance.Registered>perform(io.connectionbroker.domain.Actor.ANONYMOUS,
                    call.idempotencyKey(), "POST /v1/instances (another body)", registered -> new byte[1],
                    function.bean(RegisterInstance.class).register(other)));
        } else {
            InitiateConnection.Command other = new InitiateConnection.Command(null, true, Mode.BASIC, "src", "dst",
                    null, null, "SUPPORT");
            assertInstanceOf(IdempotentRequests.Performed.class, requests.<InitiateConnection.Initiated>perform(new io.connectionbroker.domain.Actor(caller.id(), null), call.idempotencyKey(),
                    "POST /v1/connections (another request)", initiated -> new byte[1],
                    () -> function.bean(InitiateConnection.class).initiate(caller, other)));
        }
        var before = TableItems.of(function);

        Answer refused = call.send(function);

        assertEquals(422, refused.status(), refused.toString());
        assertEquals("urn:connection-broker:problem:idempotency-key-reused", refused.text("type"));
        assertEquals(before, TableItems.of(function), "a refused request changes nothing");
    }

    public void assertMalformedKeyIsRefused(Call request) {
        Call call = new Call(request.method(), request.path(), request.apiKey(), request.body(), "k".repeat(256));
        var before = TableItems.of(function);

        Answer refused = call.send(function);

        assertEquals(400, refused.status(), refused.toString());
        assertEquals(List.of(IdempotencyHeaders.KEY), refused.errorFields());
        assertEquals(before, TableItems.of(function), "a refused request changes nothing");
    }
}
