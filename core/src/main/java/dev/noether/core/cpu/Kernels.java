package dev.noether.core.cpu;

import java.util.Locale;

/**
 * Chooses, once per JVM, the {@link VectorKernels} implementation Noether's CPU ops use
 * (Lucene's vectorization-provider pattern).
 *
 * <p>The Vector API implementation is used when the module {@code jdk.incubator.vector} is in
 * the boot layer (the JVM was started with {@code --add-modules jdk.incubator.vector}), the
 * platform's preferred vector is at least 128 bits wide, and the system property
 * {@code noether.simd} is not {@code scalar}; otherwise {@link ScalarKernels}. The SIMD class is
 * loaded only by reflection from here, so a JVM without the module never loads it.
 *
 * <p>{@code noether.simd}: {@code auto} (default), {@code scalar} (force the plain-Java kernels),
 * or {@code vector} (require the Vector API; start-up fails if it is unavailable).
 */
public final class Kernels {
    /** The system property that selects the implementation. */
    public static final String PROPERTY = "noether.simd";

    static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_CLASS = "dev.noether.core.cpu.VectorApiKernels";
    private static final System.Logger LOG = System.getLogger(Kernels.class.getName());

    private Kernels() {}

    private static final class Holder {
        static final VectorKernels INSTANCE = select();
    }

    private static final class ScalarHolder {
        static final ScalarKernels INSTANCE = new ScalarKernels();
    }

    /** The implementation in use. */
    public static VectorKernels get() {
        return Holder.INSTANCE;
    }

    /** Its name, e.g. {@code "vector(256-bit)"} or {@code "scalar"}. */
    public static String name() {
        return get().name();
    }

    /** The plain-Java implementation, whatever is in use. */
    public static VectorKernels scalar() {
        return ScalarHolder.INSTANCE;
    }

    /**
     * A fresh Vector API implementation regardless of {@code noether.simd}, or {@code null}
     * when the module is absent or the platform has no usable vector shape.
     */
    static VectorKernels vectorApiOrNull() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) return null;
        try {
            Class<?> cls = Class.forName(VECTOR_CLASS);
            VectorKernels k = (VectorKernels) cls.getDeclaredConstructor().newInstance();
            // a 64-bit "vector" would make every lane op a slow emulation
            return k.gemmColsF64() >= 4 ? k : null;
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "Vector API kernels could not be loaded ("
                    + e + "); using the scalar kernels", e);
            return null;
        }
    }

    private static VectorKernels select() {
        String mode = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "scalar":
                return scalar();
            case "auto":
            case "":
            case "vector": {
                VectorKernels v = vectorApiOrNull();
                if (v != null) return v;
                if (mode.equals("vector")) {
                    throw new IllegalStateException("-D" + PROPERTY + "=vector but the Vector API is "
                            + "unavailable: start the JVM with --add-modules " + VECTOR_MODULE
                            + " (JDK 17+), or use -D" + PROPERTY + "=auto");
                }
                LOG.log(System.Logger.Level.INFO, "Module " + VECTOR_MODULE + " not present: Noether "
                        + "uses its scalar CPU kernels. Pass --add-modules " + VECTOR_MODULE
                        + " to the JVM for SIMD kernels.");
                return scalar();
            }
            default:
                throw new IllegalStateException("-D" + PROPERTY + "=" + mode
                        + " is not one of auto, scalar, vector");
        }
    }
}
