package dev.noether.core.random;

import dev.noether.core.DType;
import dev.noether.core.Shapes;
import dev.noether.core.Tensor;
import dev.noether.core.cpu.Parallel;
import java.util.List;
import java.util.Objects;

/**
 * Seedable, splittable, counter-based random numbers on top of {@link Philox4x32} (Philox4x32-10).
 *
 * <h2>State</h2>
 * A generator is a 64-bit {@code key} and a {@code position}: the number of 32-bit words of its
 * stream consumed so far. Word {@code w} of the stream is word {@code w mod 4} of the Philox block
 * with counter {@code (w / 4, 0)} (block index in counter words 0-1, counter words 2-3 zero) under
 * {@code key}. {@link #state()} and {@link #fromState(long, long)} save and restore both exactly,
 * so a checkpoint continues the identical sequence. {@link #seed(long)} uses the seed itself as
 * the key and starts at position 0.
 *
 * <h2>Streams</h2>
 * {@link #fork(long)} gives the child whose key is the first 64 output bits of the block with
 * counter {@code (streamId, 1)} (counter word 2 = 1 marks fork derivation), so {@code fork(i)}
 * depends only on the parent key and {@code i} and different ids give unrelated streams (a
 * collision between two derived keys has probability 2^-64). {@link #split()} derives a key the
 * same way from counter {@code (b, 2)}, where {@code b} is the parent's next block, and advances
 * the parent past it, so successive splits differ. Data blocks (word 2 = 0), fork derivations
 * (word 2 = 1), split derivations (word 2 = 2) and integer-rejection retries (word 3 = 3) never
 * share a counter.
 *
 * <h2>Scalar draws</h2>
 * {@link #nextInt()} takes the next word; {@link #nextLong()} the next two (first word high).
 * {@link #uniform()} is {@code (nextLong() >>> 11) * 2^-53}: a multiple of 2^-53 in [0, 1).
 * {@link #uniformFloat()} is {@code (nextInt() >>> 8) * 2^-24} in [0, 1). {@link #normal()} is
 * Box-Muller on the next four words: {@code u1 = (53 bits + 1) * 2^-53} in (0, 1],
 * {@code u2} in [0, 1), {@code z = sqrt(-2 ln u1) cos(2 pi u2)}. The transcendental functions
 * are {@link StrictMath}'s, so normals are bit-identical on every JVM and platform.
 * {@link #nextInt(int)} and {@link #nextLong(long)} are unbiased (Lemire's multiply-and-reject).
 *
 * <h2>Bulk fills: independent of the thread count</h2>
 * A fill first rounds the position up to a block boundary {@code B} (the block index of the next
 * unused word, if that block is partly used, is skipped). Element {@code i} is then a pure
 * function of {@code (key, B + f(i))}:
 * <ul>
 *   <li>{@code fillUniform(double[])}: block {@code B + i/2}, words {@code 2(i%2), 2(i%2)+1} as a
 *       64-bit value (first word high), then as {@link #uniform()};</li>
 *   <li>{@code fillUniform(float[])}: block {@code B + i/4}, word {@code i%4}, as
 *       {@link #uniformFloat()};</li>
 *   <li>{@code fillNormal(double[])}: block {@code B + i/2}; Box-Muller on its words 0-1 (u1) and
 *       2-3 (u2); even {@code i} takes the cosine, odd {@code i} the sine;</li>
 *   <li>{@code fillNormal(float[])}: the float rounding of the double at the same index;</li>
 *   <li>{@code fillIntegers}: block {@code B + i}, words 0-1 then 2-3 as two 64-bit candidates for
 *       Lemire's method; further candidates (probability below 2^-64 for ranges up to 2^32) come
 *       from counter {@code (B + i, attempt, 3)}.</li>
 * </ul>
 * Afterwards the position is the first block after those used. The fill runs over chunks of
 * {@link #grain()} elements with {@link Parallel#forRange(int, int, Parallel.RangeBody)}; since no
 * element depends on the chunking, 1, 2 or 64 threads give bitwise identical arrays.
 *
 * <h2>Tensors</h2>
 * {@link #uniform(DType, int...)}, {@link #normal(DType, int...)}, {@link #integers(long, long, int...)}
 * and {@link #permutation(int)} return new tensors filled exactly as the bulk fills above fill a
 * row-major array of the same length.
 *
 * <p>A generator is not thread-safe: give each thread its own {@link #fork(long)}.
 */
public final class Rng {
    /** Elements per parallel chunk in bulk fills (a visible tuning parameter; results never depend on it). */
    public static final int DEFAULT_GRAIN = 1 << 14;

    private static final double TWO_PI = 2 * Math.PI;
    private static final double DOUBLE_UNIT = 0x1.0p-53;
    private static final float FLOAT_UNIT = 0x1.0p-24f;

    private static final long FORK_DOMAIN = 1;
    private static final long SPLIT_DOMAIN = 2;
    private static final long RETRY_DOMAIN = 3L << 32;

    /** A serialisable snapshot: the key and the number of 32-bit words consumed. */
    public record State(long key, long position) {}

    private final long key;
    private long position;
    private final int grain;
    private final int[] block = new int[4];
    private long cachedBlock = -1;

    private Rng(long key, long position, int grain) {
        this.key = key;
        this.position = position;
        this.grain = grain;
    }

    /** A generator with key {@code seed} at position 0. */
    public static Rng seed(long seed) {
        return new Rng(seed, 0, DEFAULT_GRAIN);
    }

    /** Restores a generator saved with {@link #state()}. */
    public static Rng fromState(State state) {
        Objects.requireNonNull(state, "Rng.fromState: state is null");
        return fromState(state.key(), state.position());
    }

    /**
     * Restores a generator from its key and position (32-bit words consumed). Positions are
     * unsigned; every value is valid.
     */
    public static Rng fromState(long key, long position) {
        return new Rng(key, position, DEFAULT_GRAIN);
    }

    /** The exact state; {@code fromState(state())} continues this generator's sequence. */
    public State state() {
        return new State(key, position);
    }

    /** The key (the seed, for a generator made by {@link #seed(long)}). */
    public long key() {
        return key;
    }

    /** Number of 32-bit words consumed (unsigned). */
    public long position() {
        return position;
    }

    /** Elements per parallel chunk used by this generator's bulk fills. */
    public int grain() {
        return grain;
    }

    /**
     * A copy of this generator whose bulk fills use chunks of {@code grain} elements; the numbers
     * are the same for every grain (only the work split changes).
     */
    public Rng withGrain(int grain) {
        if (grain < 1) throw new IllegalArgumentException("Rng.withGrain: grain must be >= 1, got " + grain);
        return new Rng(key, position, grain);
    }

    /** An independent copy at the same state: both produce the same numbers from here on. */
    public Rng copy() {
        return new Rng(key, position, grain);
    }

    /**
     * The child stream {@code streamId}: a generator at position 0 whose key is derived from this
     * key and {@code streamId} only (not from the position). Different ids give independent
     * streams; the same id always gives the same stream.
     */
    public Rng fork(long streamId) {
        return new Rng(deriveKey(key, streamId, FORK_DOMAIN), 0, grain);
    }

    /**
     * A new independent generator derived from this one's next block; this generator advances
     * past that block, so calling {@code split()} twice gives two different children.
     */
    public Rng split() {
        long b = alignedBlock();
        position = (b + 1) << 2;
        return new Rng(deriveKey(key, b, SPLIT_DOMAIN), 0, grain);
    }

    private static long deriveKey(long key, long counterLo, long domain) {
        int[] w = new int[4];
        Philox4x32.block(counterLo, domain, key, w, 0);
        return (w[0] & 0xFFFFFFFFL) | ((long) w[1] << 32);
    }

    // ---------------------------------------------------------------- scalar draws

    /** The next 32-bit word of the stream. */
    public int nextInt() {
        long b = position >>> 2;
        if (b != cachedBlock) {
            Philox4x32.block(b, 0, key, block, 0);
            cachedBlock = b;
        }
        int w = block[(int) (position & 3)];
        position++;
        return w;
    }

    /** The next 64 bits (two words, the first in the high half). */
    public long nextLong() {
        long hi = nextInt();
        return (hi << 32) | (nextInt() & 0xFFFFFFFFL);
    }

    /** A uniform double in [0, 1): 53 random bits. */
    public double uniform() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** A uniform double in [lo, hi) (see {@link #fillUniform(double[], double, double)} for the map). */
    public double uniform(double lo, double hi) {
        checkInterval("Rng.uniform", lo, hi);
        return scale(uniform(), lo, hi);
    }

    /** A uniform float in [0, 1): 24 random bits. */
    public float uniformFloat() {
        return (nextInt() >>> 8) * FLOAT_UNIT;
    }

    /** A standard normal double (Box-Muller, cosine branch, on the next four words). */
    public double normal() {
        long a = nextLong();
        long b = nextLong();
        return boxMullerCos(a, b);
    }

    /** A normal double with the given mean and standard deviation. */
    public double normal(double mean, double std) {
        checkStd("Rng.normal", std);
        return mean + std * normal();
    }

    /** A uniform int in [0, bound), unbiased. */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("Rng.nextInt: bound must be positive, got " + bound);
        long m = (nextInt() & 0xFFFFFFFFL) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextInt() & 0xFFFFFFFFL) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** A uniform long in [0, bound), unbiased. */
    public long nextLong(long bound) {
        if (bound <= 0) throw new IllegalArgumentException("Rng.nextLong: bound must be positive, got " + bound);
        return nextBounded(bound);
    }

    /** A uniform long in [lo, hi), unbiased; any {@code lo < hi} (the range may exceed Long.MAX_VALUE). */
    public long nextLong(long lo, long hi) {
        if (lo >= hi) throw new IllegalArgumentException("Rng.nextLong: need lo < hi, got [" + lo + ", " + hi + ")");
        return lo + nextBounded(hi - lo);
    }

    /** Lemire's method on 64-bit words; {@code range} is an unsigned value >= 1. */
    private long nextBounded(long range) {
        long x = nextLong();
        long low = x * range;
        if (Long.compareUnsigned(low, range) < 0) {
            long threshold = Long.remainderUnsigned(-range, range);
            while (Long.compareUnsigned(low, threshold) < 0) {
                x = nextLong();
                low = x * range;
            }
        }
        return unsignedMultiplyHigh(x, range);
    }

    /** A uniformly random permutation of {@code 0 .. n-1} (Fisher-Yates with {@link #nextInt(int)}). */
    public int[] permutationIndices(int n) {
        if (n < 0) throw new IllegalArgumentException("Rng.permutation: n must be >= 0, got " + n);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        shuffle(p);
        return p;
    }

    /**
     * Shuffles in place (Fisher-Yates: for {@code i = n-1 .. 1}, swap {@code i} with
     * {@code nextInt(i + 1)}). Every overload draws the same numbers for the same length.
     */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Shuffles in place; see {@link #shuffle(int[])}. */
    public void shuffle(long[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            long t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Shuffles in place; see {@link #shuffle(int[])}. */
    public void shuffle(double[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Shuffles in place; see {@link #shuffle(int[])}. */
    public void shuffle(float[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            float t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Shuffles a mutable list in place; see {@link #shuffle(int[])}. */
    public <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            list.set(i, list.set(j, list.get(i)));
        }
    }

    // ---------------------------------------------------------------- bulk fills

    /** Fills {@code out} with uniform doubles in [0, 1). */
    public void fillUniform(double[] out) {
        fillUniform(out, 0.0, 1.0);
    }

    /**
     * Fills {@code out} with uniform doubles in [lo, hi): {@code lo + (hi - lo) u} with {@code u}
     * as {@link #uniform()}, a result that rounds up to {@code hi} replaced by the largest double
     * below {@code hi}. Needs finite {@code lo < hi} with finite {@code hi - lo}.
     */
    public void fillUniform(double[] out, double lo, double hi) {
        checkInterval("Rng.fillUniform", lo, hi);
        int n = out.length;
        long base = alignedBlock();
        long k = key;
        Parallel.forRange(n, grain, (s, e) -> {
            int[] w = new int[4];
            for (int i = s; i < e; ) {
                long b = base + (i >>> 1);
                Philox4x32.block(b, 0, k, w, 0);
                for (int lane = i & 1; lane < 2 && i < e; lane++, i++) {
                    long bits = ((long) w[2 * lane] << 32) | (w[2 * lane + 1] & 0xFFFFFFFFL);
                    out[i] = scale((bits >>> 11) * DOUBLE_UNIT, lo, hi);
                }
            }
        });
        advanceBlocks(base, ((long) n + 1) >>> 1);
    }

    /** Fills {@code out} with uniform floats in [0, 1). */
    public void fillUniform(float[] out) {
        fillUniform(out, 0f, 1f);
    }

    /**
     * Fills {@code out} with uniform floats in [lo, hi): {@code lo + (hi - lo) u} in float
     * arithmetic with {@code u} as {@link #uniformFloat()}, a result that rounds up to {@code hi}
     * replaced by the largest float below {@code hi}.
     */
    public void fillUniform(float[] out, float lo, float hi) {
        checkInterval("Rng.fillUniform", lo, hi);
        if (!Float.isFinite(hi - lo)) {
            throw new IllegalArgumentException("Rng.fillUniform: hi - lo overflows float for [" + lo + ", " + hi
                    + "); use the double version or a narrower interval");
        }
        int n = out.length;
        long base = alignedBlock();
        long k = key;
        float width = hi - lo;
        float below = Math.nextDown(hi);
        Parallel.forRange(n, grain, (s, e) -> {
            int[] w = new int[4];
            for (int i = s; i < e; ) {
                Philox4x32.block(base + (i >>> 2), 0, k, w, 0);
                for (int lane = i & 3; lane < 4 && i < e; lane++, i++) {
                    float x = lo + width * ((w[lane] >>> 8) * FLOAT_UNIT);
                    out[i] = x < hi ? x : below;
                }
            }
        });
        advanceBlocks(base, ((long) n + 3) >>> 2);
    }

    /** Fills {@code out} with standard normal doubles. */
    public void fillNormal(double[] out) {
        fillNormal(out, 0.0, 1.0);
    }

    /** Fills {@code out} with normal doubles {@code mean + std z} (Box-Muller, layout in the class doc). */
    public void fillNormal(double[] out, double mean, double std) {
        checkStd("Rng.fillNormal", std);
        int n = out.length;
        long base = alignedBlock();
        long k = key;
        Parallel.forRange(n, grain, (s, e) -> {
            int[] w = new int[4];
            for (int i = s; i < e; ) {
                Philox4x32.block(base + (i >>> 1), 0, k, w, 0);
                double r = boxMullerRadius(w);
                double theta = TWO_PI * (pack(w[2], w[3]) >>> 11) * DOUBLE_UNIT;
                if ((i & 1) == 0) {
                    out[i++] = mean + std * (r * StrictMath.cos(theta));
                    if (i >= e) break;
                }
                out[i++] = mean + std * (r * StrictMath.sin(theta));
            }
        });
        advanceBlocks(base, ((long) n + 1) >>> 1);
    }

    /** Fills {@code out} with standard normal floats. */
    public void fillNormal(float[] out) {
        fillNormal(out, 0f, 1f);
    }

    /**
     * Fills {@code out} with normal floats: element {@code i} is the float rounding of the double
     * that {@link #fillNormal(double[], double, double)} would give at index {@code i}.
     */
    public void fillNormal(float[] out, float mean, float std) {
        checkStd("Rng.fillNormal", std);
        int n = out.length;
        long base = alignedBlock();
        long k = key;
        Parallel.forRange(n, grain, (s, e) -> {
            int[] w = new int[4];
            for (int i = s; i < e; ) {
                Philox4x32.block(base + (i >>> 1), 0, k, w, 0);
                double r = boxMullerRadius(w);
                double theta = TWO_PI * (pack(w[2], w[3]) >>> 11) * DOUBLE_UNIT;
                if ((i & 1) == 0) {
                    out[i++] = (float) (mean + (double) std * (r * StrictMath.cos(theta)));
                    if (i >= e) break;
                }
                out[i++] = (float) (mean + (double) std * (r * StrictMath.sin(theta)));
            }
        });
        advanceBlocks(base, ((long) n + 1) >>> 1);
    }

    /**
     * Fills {@code out} with uniform longs in [lo, hi), unbiased, one block per element (layout in
     * the class doc). The range {@code hi - lo} may exceed {@code Long.MAX_VALUE}.
     */
    public void fillIntegers(long[] out, long lo, long hi) {
        if (lo >= hi) throw new IllegalArgumentException("Rng.fillIntegers: need lo < hi, got [" + lo + ", " + hi + ")");
        long range = hi - lo;
        long threshold = Long.remainderUnsigned(-range, range);
        int n = out.length;
        long base = alignedBlock();
        long k = key;
        Parallel.forRange(n, grain, (s, e) -> {
            int[] w = new int[4];
            for (int i = s; i < e; i++) {
                long b = base + i;
                Philox4x32.block(b, 0, k, w, 0);
                long x = pack(w[0], w[1]);
                if (Long.compareUnsigned(x * range, threshold) < 0) {
                    x = pack(w[2], w[3]);
                    for (long attempt = 1; Long.compareUnsigned(x * range, threshold) < 0; attempt++) {
                        Philox4x32.block(b, RETRY_DOMAIN | attempt, k, w, 0);
                        x = pack(w[0], w[1]);
                    }
                }
                out[i] = lo + unsignedMultiplyHigh(x, range);
            }
        });
        advanceBlocks(base, n);
    }

    /** Fills {@code out} with uniform ints in [lo, hi): the same numbers as the long version, narrowed. */
    public void fillIntegers(int[] out, int lo, int hi) {
        long[] tmp = new long[out.length];
        fillIntegers(tmp, lo, hi);
        for (int i = 0; i < out.length; i++) out[i] = (int) tmp[i];
    }

    // ---------------------------------------------------------------- tensors

    /** A new tensor of uniform values in [0, 1) (F64 or F32; the bulk-fill layout of the class doc). */
    public Tensor uniform(DType dtype, int... shape) {
        return uniform(0.0, 1.0, dtype, shape);
    }

    /** A new tensor of uniform values in [lo, hi) (F64 or F32), as {@link #fillUniform(double[], double, double)}. */
    public Tensor uniform(double lo, double hi, DType dtype, int... shape) {
        int n = Shapes.numel(shape);
        switch (requireFloating("Rng.uniform", dtype, shape)) {
            case F64: {
                double[] d = new double[n];
                fillUniform(d, lo, hi);
                return Tensor.of(d, shape);
            }
            default: {
                float[] f = new float[n];
                fillUniform(f, (float) lo, (float) hi);
                return Tensor.of(f, shape);
            }
        }
    }

    /** A new tensor of standard normal values (F64 or F32). */
    public Tensor normal(DType dtype, int... shape) {
        return normal(0.0, 1.0, dtype, shape);
    }

    /** A new tensor of normal values (F64 or F32), as {@link #fillNormal(double[], double, double)}. */
    public Tensor normal(double mean, double std, DType dtype, int... shape) {
        int n = Shapes.numel(shape);
        switch (requireFloating("Rng.normal", dtype, shape)) {
            case F64: {
                double[] d = new double[n];
                fillNormal(d, mean, std);
                return Tensor.of(d, shape);
            }
            default: {
                float[] f = new float[n];
                fillNormal(f, (float) mean, (float) std);
                return Tensor.of(f, shape);
            }
        }
    }

    /** A new I64 tensor of uniform integers in [lo, hi), as {@link #fillIntegers(long[], long, long)}. */
    public Tensor integers(long lo, long hi, int... shape) {
        long[] l = new long[Shapes.numel(shape)];
        fillIntegers(l, lo, hi);
        return Tensor.ofLongs(l, shape);
    }

    /** A uniformly random permutation of {@code 0 .. n-1} as an I64 tensor {@code [n]} (as {@link #permutationIndices(int)}). */
    public Tensor permutation(int n) {
        int[] p = permutationIndices(n);
        long[] l = new long[n];
        for (int i = 0; i < n; i++) l[i] = p[i];
        return Tensor.ofLongs(l, n);
    }

    private static DType requireFloating(String op, DType dtype, int[] shape) {
        if (dtype != DType.F64 && dtype != DType.F32) {
            throw new IllegalArgumentException(op + ": dtype must be F64 or F32, got " + dtype + " for shape "
                    + Shapes.str(shape) + "; use Rng.integers for integer tensors");
        }
        return dtype;
    }

    // ---------------------------------------------------------------- internals

    /** The first block with no consumed word. */
    private long alignedBlock() {
        return (position + 3) >>> 2;
    }

    private void advanceBlocks(long base, long blocks) {
        position = (base + blocks) << 2;
    }

    private static long pack(int hi, int lo) {
        return ((long) hi << 32) | (lo & 0xFFFFFFFFL);
    }

    private static double boxMullerRadius(int[] w) {
        double u1 = ((pack(w[0], w[1]) >>> 11) + 1) * DOUBLE_UNIT;
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1));
    }

    private static double boxMullerCos(long a, long b) {
        double u1 = ((a >>> 11) + 1) * DOUBLE_UNIT;
        double theta = TWO_PI * ((b >>> 11) * DOUBLE_UNIT);
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(theta);
    }

    private static double scale(double u, double lo, double hi) {
        double x = lo + (hi - lo) * u;
        return x < hi ? x : Math.nextDown(hi);
    }

    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    private static void checkInterval(String op, double lo, double hi) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi) || !Double.isFinite(hi - lo)) {
            throw new IllegalArgumentException(op + ": need finite lo < hi with finite hi - lo, got [" + lo + ", "
                    + hi + ")");
        }
    }

    private static void checkStd(String op, double std) {
        if (!(std >= 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException(op + ": std must be finite and >= 0, got " + std);
        }
    }
}
