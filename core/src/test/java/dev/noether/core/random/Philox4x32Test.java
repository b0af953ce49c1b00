package dev.noether.core.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class Philox4x32Test {
    /**
     * Known-answer vectors of the Random123 distribution (D. E. Shaw Research, file
     * {@code tests/kat_vectors}, the three {@code philox4x32 10} lines; repository
     * DEShawResearch/random123 on GitHub, commit 9545ff6413f258be2f04c1d319d99aaef7521150).
     * Columns: rounds, counter (4 words), key (2 words), expected output (4 words):
     * <pre>
     * philox4x32 10 00000000 00000000 00000000 00000000 00000000 00000000   6627e8d5 e169c58d bc57ac4c 9b00dbd8
     * philox4x32 10 ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff   408f276d 41c83b0e a20bc7c6 6d5451fd
     * philox4x32 10 243f6a88 85a308d3 13198a2e 03707344 a4093822 299f31d0   d16cfe09 94fdcceb 5001e420 24126ea1
     * </pre>
     */
    private static final int[][] KAT = {
        {0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
            0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
        {0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
            0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
        {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0,
            0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1},
    };

    @Test
    void matchesRandom123KnownAnswers() {
        for (int[] v : KAT) {
            int[] out = new int[4];
            Philox4x32.block(v[0], v[1], v[2], v[3], v[4], v[5], out, 0);
            assertArrayEquals(new int[] {v[6], v[7], v[8], v[9]}, out);
        }
    }

    @Test
    void longFormPacksLowWordFirst() {
        int[] v = KAT[2];
        long ctrLo = (v[0] & 0xFFFFFFFFL) | ((long) v[1] << 32);
        long ctrHi = (v[2] & 0xFFFFFFFFL) | ((long) v[3] << 32);
        long key = (v[4] & 0xFFFFFFFFL) | ((long) v[5] << 32);
        int[] out = new int[6];
        Philox4x32.block(ctrLo, ctrHi, key, out, 2);
        assertArrayEquals(new int[] {0, 0, v[6], v[7], v[8], v[9]}, out);
    }
}
