package dev.noether.core.backend;

import dev.noether.core.cpu.CpuBackend;

/** Where tensors compute: the CPU backend unless a caller installs another one. */
public final class Backends {
    private static volatile Backend current = CpuBackend.INSTANCE;

    private Backends() {}

    /** The backend operations run on. */
    public static Backend current() {
        return current;
    }

    /** The reference CPU backend. */
    public static Backend cpu() {
        return CpuBackend.INSTANCE;
    }

    /** Makes {@code backend} the one operations run on, returning the previous one. */
    public static synchronized Backend use(Backend backend) {
        if (backend == null) throw new IllegalArgumentException("Backends.use: backend must not be null");
        Backend old = current;
        current = backend;
        return old;
    }
}
