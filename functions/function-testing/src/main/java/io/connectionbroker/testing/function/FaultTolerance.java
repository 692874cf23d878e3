package io.connectionbroker.testing.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.AuthenticateInstance;
import io.connectionbroker.testing.function.DynamoDbFaults.Fault;
import io.connectionbroker.testing.function.FunctionUnderTest.Answer;
import io.connectionbroker.web.document.IdempotencyHeaders;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs one operation with each DynamoDB fault at each of its DynamoDB calls, and checks what the issue
 * promises: the caller gets 503 with Retry-After (a conflict is retried away), never a 500; the table holds
 * the whole effect or none of it (every item is read and compared); the same request sent again succeeds
 * and leaves exactly the effect of one clean run.
 */
public final class FaultTolerance {
    /**
     * One request, ready to send: a fresh one for each run, arranged by the scenario.
     *
     * @param idempotencyKey the Idempotency-Key header, or null
     * @param headers        more headers, for example If-Match
     */
    public record Call(String method, String path, String apiKey, String body, String idempotencyKey,
                       Map<String, String> headers) {
        public Call(String method, String path, String apiKey, String body) {
            this(method, path, apiKey, body, null);
        }

        public Call(String method, String path, String apiKey, String body, String idempotencyKey) {
            this(method, path, apiKey, body, idempotencyKey, Map.of());
        }

        /** The same request with one more header. */
        public Call with(String header, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(header, value);
            return new Call(method, path, apiKey, body, idempotencyKey, Map.copyOf(more));
        }

        Call withIdempotencyKey() {
            return new Call(method, path, apiKey, body, java.util.UUID.randomUUID().toString(), headers);
        }

        Answer send(FunctionUnderTest function) {
            if (apiKey != null) {
                // A key's use is recorded once an hour, in a write of its own: recorded here, so that every
                // run of the operation makes the same DynamoDB calls.
                function.bean(AuthenticateInstance.class).authenticate(apiKey);
            }
            Map<String, String> sent = new java.util.HashMap<>(headers);
            if (idempotencyKey != null) {
                sent.put(IdempotencyHeaders.KEY, idempotencyKey);
            }
            return function.send(method, path, apiKey, body, body == null ? null : "application/json", sent);
        }
    }

    private final FunctionUnderTest function;

    public FaultTolerance(FunctionUnderTest function) {
        this.function = function;
        function.faults().hangFor(java.time.Duration.ofSeconds(10));
    }

    /**
     * Runs the request as prepared with every fault but a lost answer that no retry heals; a POST then runs
     * again with an Idempotency-Key, with every fault, a lost answer too: sent again with its key, a request
     * whose answer was lost gets the effect it had, and no second one.
     *
     * @param prepare arranges what the operation needs and returns the request; called once per run
     * @param success the status of a clean run
     * @return how many runs were checked
     */
    public int assertEveryFaultAtEveryCallIsSafe(Supplier<Call> prepare, int success) {
        Call first = prepare.get();
        int runs = assertSafe(first, prepare, success, EnumSet.complementOf(EnumSet.of(Fault.ANSWER_LOST)));
        if (first.method().equals("POST")) {
            Supplier<Call> keyed = () -> prepare.get().withIdempotencyKey();
            runs += assertSafe(keyed.get(), keyed, success, EnumSet.allOf(Fault.class));
        }
        return runs;
    }

    private int assertSafe(Call clean, Supplier<Call> prepare, int success, Set<Fault> faults) {
        Map<String, Map<String, AttributeValue>> before = items();
        function.faults().disarm();
        Answer answer = clean.send(function);
        assertEquals(success, answer.status(), "a clean run: " + answer);
        int calls = function.faults().count();
        Map<String, Integer> oneEffect = effect(before, items());
        assertTrue(calls >= 1 && calls <= io.connectionbroker.wiring.DynamoDbClientSettings.MAX_CALLS_PER_REQUEST,
                clean + " makes " + calls + " DynamoDB calls");
        // Every change writes its event with it: so the runs below check that events are never lost or doubled.
        assertTrue(oneEffect.isEmpty() || oneEffect.keySet().stream().anyMatch(kind -> kind.startsWith("INSTANCE# EVENT#")),
                clean + " changed " + oneEffect + " without an event");

        int runs = 0;
        List<String> failures = new ArrayList<>();
        for (int n = 1; n <= calls; n++) {
            for (Fault fault : faults) {
                Call call = prepare.get();
                Map<String, Map<String, AttributeValue>> start = items();
                function.faults().arm(n, fault);
                Answer faulted;
                try {
                    faulted = call.send(function);
                } finally {
                    function.faults().disarm();
                }
                String run = fault + " at call " + n + " of " + calls + " (" + call.method() + " " + call.path() + ")";
                Map<String, Map<String, AttributeValue>> after = items();
                if (faulted.status() == 503) {
                    assertNotNull(faulted.header("Retry-After"), run + ": " + faulted);
                    assertEquals("urn:connection-broker:problem:temporarily-unavailable", faulted.text("type"), run);
                    Map<String, Integer> left = effect(start, after);
                    // A GET changes nothing the caller asked for, only what reading decides (a lapsed invitation
                    // reported, in one transaction): a later call of it may fail after that is whole, never part.
                    boolean read = call.method().equals("GET");
                    if (fault.beforeTransmission() && !read) {
                        assertEquals(Map.of(), left, run + " left part of its effect");
                    } else {
                        assertTrue(left.isEmpty() || left.equals(oneEffect), run + " left part of its effect: " + left);
                    }
                    Answer again = call.send(function);
                    assertEquals(success, again.status(), run + ", sent again: " + again);
                    if (!left.isEmpty() && !read) {
                        assertEquals("true", again.header(IdempotencyHeaders.REPLAYED), run + ", sent again: " + again);
                    }
                    assertEquals(oneEffect, effect(start, items()), run + ", sent again, left another effect");
                } else {
                    assertEquals(success, faulted.status(), run + ": " + faulted);
                    // The client's own retries heal these; the others must end in a 503.
                    if (fault != Fault.TRANSACTION_CONFLICT && fault != Fault.ANSWER_LOST_THEN_RETRIED) {
                        failures.add(run + " was answered " + faulted.status() + ", not 503");
                    }
                    assertEquals(oneEffect, effect(start, after), run + " left another effect");
                }
                runs++;
            }
        }
        assertEquals(List.of(), failures);
        return runs;
    }

    private Map<String, Map<String, AttributeValue>> items() {
        return TableItems.of(function);
    }

    /**
     * What changed between two readings, by kind of item (the key with ids left out) and change:
     * for example {@code CONNECTION# CONNECTION added=1}.
     */
    private static Map<String, Integer> effect(Map<String, Map<String, AttributeValue>> before,
                                               Map<String, Map<String, AttributeValue>> after) {
        Map<String, Integer> effect = new TreeMap<>();
        after.forEach((key, item) -> {
            Map<String, AttributeValue> old = before.get(key);
            if (old == null) {
                effect.merge(kind(key) + " added", 1, Integer::sum);
            } else if (!old.equals(item)) {
                effect.merge(kind(key) + " changed", 1, Integer::sum);
            }
        });
        before.keySet().stream().filter(key -> !after.containsKey(key))
                .forEach(key -> effect.merge(kind(key) + " removed", 1, Integer::sum));
        return effect;
    }

    private static String kind(String key) {
        return key.replaceAll("#[^# ]+", "#");
    }
}
