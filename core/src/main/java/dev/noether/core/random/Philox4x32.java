package dev.noether.core.random;

/**
 * The Philox4x32-10 block function of Salmon, Moraes, Dror and Shaw, "Parallel Random Numbers:
 * As Easy as 1, 2, 3" (SC'11), as distributed in the Random123 library.
 *
 * <p>A keyed bijection of 128-bit counters: {@code (c0, c1, c2, c3) -> (x0, x1, x2, x3)} under a
 * 64-bit key {@code (k0, k1)}, all words unsigned 32-bit. One round is
 * <pre>
 *   (hi0, lo0) = M0 * c0,   (hi1, lo1) = M1 * c2            (32 x 32 -> 64-bit products)
 *   (c0, c1, c2, c3) <- (hi1 ^ c1 ^ k0,  lo1,  hi0 ^ c3 ^ k1,  lo0)
 * </pre>
 * with {@code M0 = 0xD2511F53}, {@code M1 = 0xCD9E8D57}; between rounds the key is bumped by the
 * Weyl constants {@code (k0, k1) += (0x9E3779B9, 0xBB67AE85)} (mod 2^32). Ten rounds are the
 * Random123 default and pass BigCrush with a wide safety margin.
 *
 * <p>Being a pure function of (counter, key), any block can be computed independently, which is
 * what makes {@link Rng}'s bulk fills identical for every thread count.
 */
public final class Philox4x32 {
    /** Number of rounds (the "-10" of Philox4x32-10). */
    public static final int ROUNDS = 10;

    private static final long M0 = 0xD2511F53L;
    private static final long M1 = 0xCD9E8D57L;
    private static final int W0 = 0x9E3779B9;
    private static final int W1 = 0xBB67AE85;

    private Philox4x32() {}

    /**
     * Computes one block: writes the four output words of counter {@code (c0, c1, c2, c3)} under
     * key {@code (k0, k1)} to {@code out[off .. off+3]}.
     */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out, int off) {
        for (int r = 0; r < ROUNDS; r++) {
            long p0 = M0 * (c0 & 0xFFFFFFFFL);
            long p1 = M1 * (c2 & 0xFFFFFFFFL);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            c1 = (int) p1;
            c3 = (int) p0;
            c0 = n0;
            c2 = n2;
            k0 += W0;
            k1 += W1;
        }
        out[off] = c0;
        out[off + 1] = c1;
        out[off + 2] = c2;
        out[off + 3] = c3;
    }

    /**
     * One block with the counter given as two 64-bit halves and the key as one 64-bit value:
     * {@code c0 = low word of counterLo}, {@code c1 = high word of counterLo}, {@code c2, c3}
     * likewise from {@code counterHi}; {@code k0 = low word of key}, {@code k1 = high word}.
     */
    public static void block(long counterLo, long counterHi, long key, int[] out, int off) {
        block((int) counterLo, (int) (counterLo >>> 32), (int) counterHi, (int) (counterHi >>> 32),
                (int) key, (int) (key >>> 32), out, off);
    }
}
