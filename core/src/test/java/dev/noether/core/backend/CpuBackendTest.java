package dev.noether.core.backend;

/** The CPU backend against the backend contract. */
class CpuBackendTest extends BackendContractTest {
    @Override
    protected Backend backend() {
        return Backends.cpu();
    }
}
