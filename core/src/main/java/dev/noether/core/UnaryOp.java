package dev.noether.core;

import java.util.function.DoubleUnaryOperator;

/**
 * Elementwise functions of one argument. Each carries its scalar definition, which is the
 * reference every backend's kernel is tested against. NaN and infinities pass through as IEEE
 * arithmetic and {@link Math} define them.
 */
public enum UnaryOp {
    NEG(x -> -x),
    ABS(Math::abs),
    SIGN(Math::signum),
    SQUARE(x -> x * x),
    SQRT(Math::sqrt),
    RECIPROCAL(x -> 1.0 / x),
    EXP(Math::exp),
    EXPM1(Math::expm1),
    LOG(Math::log),
    LOG1P(Math::log1p),
    SIN(Math::sin),
    COS(Math::cos),
    TANH(Math::tanh),
    /** The error function, accurate to a few ulp in f64 ({@link SpecialFunctions#erf}). */
    ERF(SpecialFunctions::erf),
    /** {@code log(1 + e^x)}, computed without overflow: {@code max(x, 0) + log1p(e^-|x|)}. */
    SOFTPLUS(x -> Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)))),
    /** {@code 1 / (1 + e^-x)}, computed without overflow for large |x|. */
    SIGMOID(x -> x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x))),
    RELU(x -> x > 0 ? x : (x == x ? 0.0 : x)),
    FLOOR(Math::floor),
    CEIL(Math::ceil),
    ROUND(Math::rint);

    private final DoubleUnaryOperator f;

    UnaryOp(DoubleUnaryOperator f) {
        this.f = f;
    }

    /** The scalar definition. */
    public double apply(double x) {
        return f.applyAsDouble(x);
    }

    /** The lower-case name used in messages, e.g. {@code exp}. */
    public String opName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
