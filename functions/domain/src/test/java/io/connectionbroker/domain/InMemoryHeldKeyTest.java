package io.connectionbroker.domain;

class InMemoryHeldKeyTest extends HeldKeyContract {
    private final ConnectionStore store = new InMemoryConnectionStore();

    @Override
    protected ConnectionStore store() {
        return store;
    }
}
