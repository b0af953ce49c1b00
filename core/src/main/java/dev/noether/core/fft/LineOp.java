package dev.noether.core.fft;

/** The 1-D transform applied to every line of a batched transform (see {@code LineTransformsF64}). */
enum LineOp {
    /** n complex to n complex, exponent sign -1. */
    COMPLEX_FORWARD(true, true),
    /** n complex to n complex, exponent sign +1. */
    COMPLEX_INVERSE(true, true),
    /** n real to n/2+1 complex. */
    REAL_FORWARD(false, true),
    /** n/2+1 complex to n real. */
    REAL_INVERSE(true, false);

    final boolean complexInput;
    final boolean complexOutput;

    LineOp(boolean complexInput, boolean complexOutput) {
        this.complexInput = complexInput;
        this.complexOutput = complexOutput;
    }

    /** Logical elements (complex points or reals) each line needs, for transform length n. */
    int inputLength(int n) {
        return this == REAL_INVERSE ? n / 2 + 1 : n;
    }

    /** Logical elements each line produces, for transform length n. */
    int outputLength(int n) {
        return this == REAL_FORWARD ? n / 2 + 1 : n;
    }
}
