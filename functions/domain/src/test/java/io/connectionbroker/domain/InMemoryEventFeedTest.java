package io.connectionbroker.domain;

class InMemoryEventFeedTest extends EventFeedContract {
    private final ConnectionStore store = new InMemoryConnectionStore();

    @Override
    protected ConnectionStore store() {
        return store;
    }
}
