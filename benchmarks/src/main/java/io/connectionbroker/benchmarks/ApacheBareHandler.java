package io.connectionbroker.benchmarks;

import software.amazon.awssdk.http.apache.ApacheHttpClient;

/** The floor's SDK calls on the SDK's default client, Apache's, measured in the same run to choose between clients. */
public class ApacheBareHandler extends BareHandler {
    public ApacheBareHandler() {
        super(ApacheHttpClient.create());
    }
}
