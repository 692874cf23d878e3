package io.connectionbroker.testing.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Many callers released at once against the same records; what each was told, tallied. */
public final class Race {
    /**
     * Test-only DynamoDB limits for race classes ({@link FunctionTest#properties()}): a hundred calls at once on
     * DynamoDB Local on two busy cores take far longer than the deployed 500 ms attempt limit allows, and a race
     * must be decided by the conditions it tests, not by a timeout. The deployed limits stay as they are.
     */
    public static final Map<String, Object> PATIENT_DATABASE = Map.of(
            "connection-broker.dynamodb.attempt-timeout", "30s",
            "connection-broker.dynamodb.call-timeout", "90s",
            "connection-broker.dynamodb.feed-append-within", "90s");

    private Race() {
    }

    /**
     * Runs {@code callers} callers at once; caller {@code i} runs {@code caller.apply(i)} and names what it
     * was told (for example {@code "200"} or {@code "409 invitation-already-used"}).
     *
     * @return how many callers were told each thing
     */
    public static Map<String, Integer> run(int callers, IntFunction<Callable<String>> caller) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> told = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                Callable<String> call = caller.apply(i);
                told.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            Map<String, Integer> tally = new TreeMap<>();
            for (Future<String> answer : told) {
                try {
                    tally.merge(answer.get(), 1, Integer::sum);
                } catch (ExecutionException e) {
                    tally.merge("failed: " + e.getCause(), 1, Integer::sum);
                }
            }
            return tally;
        } finally {
            pool.shutdownNow();
        }
    }

    /** What an answer tells its caller: the status, and for a problem its kind. */
    public static String told(FunctionUnderTest.Answer answer) {
        if (answer.status() < 400) {
            return Integer.toString(answer.status());
        }
        return answer.status() + " " + answer.text("type").replace("urn:connection-broker:problem:", "");
    }

    /**
     * What a domain operation tells its caller (for the side of a race that another function serves):
     * {@code success} when it goes through, else {@code "refused <kind>"}.
     */
    public static String told(String success, Runnable operation) {
        try {
            operation.run();
            return success;
        } catch (io.connectionbroker.domain.refusal.Refusal refusal) {
            return "refused " + refusal.kind().slug();
        }
    }
}
