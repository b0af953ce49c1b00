package dev.noether.core;

/**
 * Complex arithmetic on Noether's complex layout: a floating tensor whose last axis has length
 * 2 holding (re, im), interleaved in memory as numpy's {@code complex128.view(float64)}.
 * Everything here is composed from real tensor operations; the fast complex kernel of the FNO's
 * mode mixing is {@link #modeMix}.
 */
public final class Complex {
    private Complex() {}

    /** Checks the complex layout, naming {@code op} in the message. */
    public static void require(String op, Tensor z) {
        if (!z.dtype().isFloating() || z.rank() == 0 || z.size(-1) != 2) {
            throw new IllegalArgumentException(op + ": expected a complex tensor (floating, last axis of length 2 "
                    + "holding re, im), got " + z.dtype() + " " + Shapes.str(z.shape()));
        }
    }

    /** The complex tensor {@code re + i im} from two real tensors of equal shape. */
    public static Tensor of(Tensor re, Tensor im) {
        if (!Shapes.same(re.shape(), im.shape())) {
            throw new IllegalArgumentException("Complex.of: re " + Shapes.str(re.shape()) + " and im "
                    + Shapes.str(im.shape()) + " differ");
        }
        return Tensor.stack(-1, re, im);
    }

    /** The real parts (a view). */
    public static Tensor real(Tensor z) {
        require("real", z);
        return z.select(-1, 0);
    }

    /** The imaginary parts (a view). */
    public static Tensor imag(Tensor z) {
        require("imag", z);
        return z.select(-1, 1);
    }

    /** The complex conjugate. */
    public static Tensor conj(Tensor z) {
        require("conj", z);
        return of(real(z), imag(z).neg());
    }

    /** Elementwise product {@code (a_re b_re - a_im b_im, a_re b_im + a_im b_re)} with broadcasting. */
    public static Tensor mul(Tensor a, Tensor b) {
        require("Complex.mul", a);
        require("Complex.mul", b);
        Tensor ar = real(a), ai = imag(a), br = real(b), bi = imag(b);
        return of(ar.mul(br).sub(ai.mul(bi)), ar.mul(bi).add(ai.mul(br)));
    }

    /** Elementwise modulus {@code sqrt(re^2 + im^2)}, a real tensor. */
    public static Tensor abs(Tensor z) {
        require("Complex.abs", z);
        return real(z).square().add(imag(z).square()).sqrt();
    }

    /**
     * The FNO's mode mixing {@code out[b, o, m] = sum_i x[b, i, m] w[i, o, m]} for
     * {@code x [B, Ci, M, 2]} and {@code w [Ci, Co, M, 2]}, on the current backend's fast kernel.
     */
    public static Tensor modeMix(Tensor x, Tensor w) {
        return x.backend().complexModeMix(x, w);
    }
}
