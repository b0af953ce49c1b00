package dev.noether.core.backend;

import dev.noether.core.BinaryOp;
import dev.noether.core.CompareOp;
import dev.noether.core.ReduceOp;
import dev.noether.core.Tensor;
import dev.noether.core.UnaryOp;
import dev.noether.core.fft.FftNorm;

/**
 * The operations a compute device must provide. Everything else in Noether (means, variances,
 * log-sum-exp, concatenation, padding, einsum, ...) is composed from these, so a new backend
 * implements this interface, extends the contract test {@code BackendContractTest}, and the rest
 * of the library works on it.
 *
 * <p>Conventions every implementation follows: binary operations broadcast as numpy does and
 * promote types with {@link dev.noether.core.DType#promote}; integer inputs to floating-only
 * operations (division, powers, transcendental functions) give F64; reductions along no axes
 * (an empty or null array) reduce all axes; sums add in an order that does not depend on the
 * thread count; NaN propagates through max/min. The {@link dev.noether.core.cpu.CpuBackend CPU
 * backend} is the reference: every other backend is tested against it.
 */
public interface Backend {
    /** A short name for messages and reports, e.g. {@code cpu}. */
    String name();

    /** Copies {@code src}, broadcast to {@code dst}'s shape and converted to its type, into {@code dst} (a view is fine). */
    void copy(Tensor src, Tensor dst);

    /** {@code op(x)} elementwise into a new tensor. */
    Tensor unary(UnaryOp op, Tensor x);

    /** {@code op(x)} elementwise into {@code out}, whose shape must equal {@code x}'s. */
    void unaryInto(UnaryOp op, Tensor x, Tensor out);

    /** {@code op(a, b)} elementwise with broadcasting into a new tensor. */
    Tensor binary(BinaryOp op, Tensor a, Tensor b);

    /** {@code op(a, b)} into {@code out}, whose shape must be the broadcast shape of {@code a} and {@code b}. */
    void binaryInto(BinaryOp op, Tensor a, Tensor b, Tensor out);

    /** Elementwise comparison with broadcasting; the result is BOOL. */
    Tensor compare(CompareOp op, Tensor a, Tensor b);

    /** {@code cond ? a : b} with broadcasting of all three. */
    Tensor where(Tensor cond, Tensor a, Tensor b);

    /** Reduction over {@code axes} (null or empty: all axes), keeping length-1 axes if asked. */
    Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims);

    /** Index (I64) of the maximum ({@code max}) or minimum along {@code axis}; the first one on ties. */
    Tensor argReduce(boolean max, Tensor x, int axis, boolean keepDims);

    /** Inclusive cumulative sum along {@code axis}. */
    Tensor cumsum(Tensor x, int axis);

    /** numpy's {@code take_along_axis}. */
    Tensor gather(Tensor x, int axis, Tensor index);

    /** numpy's {@code matmul} with broadcasting over batch dimensions. */
    Tensor matmul(Tensor a, Tensor b);

    /**
     * Complex FFT along the logical {@code axis} of a complex tensor ({@code [..., 2]}), forward
     * ({@code inverse == false}: {@code X_k = sum_j x_j e^{-2 pi i jk/n}}) or inverse, scaled as
     * {@code norm} says (numpy's conventions).
     */
    Tensor fft(Tensor x, int axis, boolean inverse, FftNorm norm);

    /** Real-to-complex FFT along {@code axis}: {@code n/2 + 1} bins, complex layout {@code [..., 2]}. */
    Tensor rfft(Tensor x, int axis, FftNorm norm);

    /** Complex-to-real inverse FFT along {@code axis} giving {@code n} real samples (numpy's irfft). */
    Tensor irfft(Tensor x, int n, int axis, FftNorm norm);

    /**
     * The FNO's spectral mode mixing, a complex contraction over channels per mode:
     * {@code out[b, o, m] = sum_i x[b, i, m] w[i, o, m]}, with {@code x [B, Ci, M, 2]},
     * {@code w [Ci, Co, M, 2]} and {@code out [B, Co, M, 2]} (complex layout; M is the flattened
     * set of kept modes).
     */
    Tensor complexModeMix(Tensor x, Tensor w);
}
