package io.connectionbroker.benchmarks;

import software.amazon.awssdk.http.crt.AwsCrtHttpClient;

/**
 * The floor's SDK calls on aws-crt-client instead of url-connection-client: the other SDK HTTP client
 * Lambda functions commonly choose, measured in the same run to choose between them.
 */
public class CrtBareHandler extends BareHandler {
    public CrtBareHandler() {
        super(AwsCrtHttpClient.create());
    }
}
