package io.connectionbroker.domain;

import org.junit.jupiter.api.BeforeEach;

class InMemoryConnectionStoreTest extends ConnectionStoreContract {
    private ConnectionStore store;

    @BeforeEach
    void freshStore() {
        store = new InMemoryConnectionStore();
    }

    @Override
    protected ConnectionStore store() {
        return store;
    }
}
