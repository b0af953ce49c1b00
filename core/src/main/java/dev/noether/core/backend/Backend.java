package dev.noether.core.backend;

import dev.noether.core.BinaryOp;
import dev.noether.core.CompareOp;
import dev.noether.core.ReduceOp;
import dev.noether.core.Tensor;
import dev.noether.core.UnaryOp;

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
}
