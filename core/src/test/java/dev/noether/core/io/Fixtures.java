package dev.noether.core.io;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The numpy-made fixtures of {@code src/test/resources/npy} (see {@code make_fixtures.py}) and
 * the closed forms that script used, recomputed here from the element index in C order.
 */
final class Fixtures {
    private Fixtures() {}

    static Path path(String name) {
        URL url = Fixtures.class.getResource("/npy/" + name);
        if (url == null) throw new IllegalStateException("missing fixture /npy/" + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code np.arange(n) * 0.5 - 3}. */
    static double[] ramp(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = i * 0.5 - 3;
        return v;
    }

    /** {@code (np.arange(n) * 0.25 + 1).astype(float32)}. */
    static float[] quarter(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (i * 0.25 + 1);
        return v;
    }

    /** {@code np.arange(n) * 7 - 40} as int32. */
    static int[] intRamp(int n) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) v[i] = i * 7 - 40;
        return v;
    }

    /** {@code (np.arange(n) - 3) * 10**12} as int64. */
    static long[] bigRamp(int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = (i - 3) * 1_000_000_000_000L;
        return v;
    }

    /** {@code np.arange(n) % 3 == 0}. */
    static boolean[] everyThird(int n) {
        boolean[] v = new boolean[n];
        for (int i = 0; i < n; i++) v[i] = i % 3 == 0;
        return v;
    }

    /** {@code (k * 0.5 - 1) + 1j * (k * 0.25 + 2)} interleaved (re, im). */
    static double[] cramp(int n) {
        double[] v = new double[2 * n];
        for (int i = 0; i < n; i++) {
            v[2 * i] = i * 0.5 - 1;
            v[2 * i + 1] = i * 0.25 + 2;
        }
        return v;
    }

    static float[] cramp32(int n) {
        double[] d = cramp(n);
        float[] v = new float[d.length];
        for (int i = 0; i < d.length; i++) v[i] = (float) d[i];
        return v;
    }

    /** The JSON metadata string {@code make_fixtures.py} stores as 'meta'. */
    static final String META = "{\"model\": \"fno\", \"modes\": [12, 12], \"note\": \"h\u00e9llo \u222e \uD835\uDD18\"}";
    /** The string of {@code string_scalar.npy}: Latin-1, BMP and a non-BMP code point. */
    static final String STRING = "h\u00e9llo w\u00f6rld \u222e \uD835\uDD18";
}
