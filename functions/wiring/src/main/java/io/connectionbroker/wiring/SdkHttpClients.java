package io.connectionbroker.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The HTTP client every AWS SDK client of a function sends through (DynamoDB, Secrets Manager), chosen by
 * README's benchmark, which measures the SDK's three synchronous clients making a status read's calls in one
 * run: Apache's answered warm reads fastest (median and p99) with a cold start within a few percent of the
 * others, and, being pure Java, it needs no native library per architecture. Primary rather than left to
 * whichever client Micronaut finds, so the choice holds whatever else is on the class path.
 *
 * <p>SnapStart: no connection is open when the snapshot is taken (the priming request stops before it is
 * sent, SnapStartPriming), so a restored function opens fresh ones; the pool's idle-connection reaper is a
 * daemon thread with nothing of the snapshot's network to keep.
 */
@Factory
public class SdkHttpClients {
    @Singleton
    @Primary
    @Bean(preDestroy = "close")
    SdkHttpClient sdkHttpClient() {
        return ApacheHttpClient.builder().build();
    }
}
