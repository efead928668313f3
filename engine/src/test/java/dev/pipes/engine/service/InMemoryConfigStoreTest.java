package dev.pipes.engine.service;

/** The in-memory store passes the store conformance tests. */
class InMemoryConfigStoreTest extends ConfigStoreContract {
    @Override
    protected ConfigStore emptyStore() {
        return new InMemoryConfigStore();
    }
}
