package io.connectionbroker.idempotency;

import io.connectionbroker.domain.Actor;
import io.connectionbroker.domain.Decision;
import io.connectionbroker.domain.IdempotentRequests.Outcome;
import io.connectionbroker.domain.IdempotentRequests.Performed;
import io.connectionbroker.domain.IdempotentRequests.Replayed;
import io.connectionbroker.domain.IdempotentRequests;
import io.connectionbroker.domain.SecretHash;
import io.connectionbroker.web.document.IdempotencyHeaders;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers a POST through {@link IdempotentRequests}: with an Idempotency-Key, the answer is kept (sealed)
 * beside the effect and given back, unchanged, to the same request sent again.
 */
@Singleton
public class IdempotentAnswers {
    private final IdempotentRequests requests;
    private final SealedAnswers sealedAnswers;
    private final JsonMapper json;

    IdempotentAnswers(IdempotentRequests requests, SealedAnswers sealedAnswers, JsonMapper json) {
        this.requests = requests;
        this.sealedAnswers = sealedAnswers;
        this.json = json;
    }

    /**
     * @param actor     the calling instance and its key, or {@link Actor#ANONYMOUS} where there is none
     * @param key       the Idempotency-Key header, or null
     * @param body      the request's body as sent, or null
     * @param decide    the domain operation's decision, from a fresh read each time it is called
     * @param respond   the answer to a result
     */
    public <R> MutableHttpResponse<?> answer(HttpRequest<?> request, Actor actor, @Nullable String key,
                                             @Nullable String body, Supplier<Decision<R>> decide,
                                             Function<R, MutableHttpResponse<?>> respond) {
        String context = IdempotentRequests.scopeOf(actor) + "\n" + key;
        AtomicReference<KeptAnswer> kept = new AtomicReference<>();
        Outcome<R> outcome = requests.perform(actor, key, fingerprint(request, body), result -> {
            KeptAnswer answer = KeptAnswer.of(respond.apply(result), json);
            kept.set(answer);
            return sealedAnswers.seal(answer.bytes(json), context);
        }, decide);
        if (outcome instanceof Performed<R> performed) {
            return kept.get() != null ? kept.get().response() : respond.apply(performed.result());
        }
        byte[] opened = sealedAnswers.open(((Replayed<R>) outcome).sealedAnswer(), context);
        return KeptAnswer.read(opened, json).response().header(IdempotencyHeaders.REPLAYED, "true");
    }

    /** A hash of the method, path and body: the body may hold an invitation code, which is never stored. */
    private static String fingerprint(HttpRequest<?> request, @Nullable String body) {
        return SecretHash.of(request.getMethodName() + " " + request.getPath() + "\n" + (body == null ? "" : body))
                .toBase64();
    }
}
