package dev.noether.core.io;

import dev.noether.core.io.NpyHeaderParser.Item;
import dev.noether.core.io.NpyHeaderParser.PyList;
import dev.noether.core.io.NpyHeaderParser.PyTuple;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated NPY header.
 *
 * @param version      format major version, 1, 2 or 3
 * @param type         element type
 * @param bigEndian    byte order of the payload
 * @param itemSize     bytes per element (for {@code <U<n>}: 4n)
 * @param fortranOrder whether the payload is column-major
 * @param shape        the array shape, every dimension in [0, {@link Integer#MAX_VALUE}]
 * @param descr        the descriptor as written, e.g. {@code >f8}
 * @param dataOffset   byte offset of the payload in the file or entry
 */
record NpyHeader(int version, NpyElementType type, boolean bigEndian, int itemSize,
                 boolean fortranOrder, int[] shape, String descr, long dataOffset) {

    /** Largest Java array length that every JVM allocates. */
    static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    /** Number of elements (product of the shape); validated to fit a Java array. */
    int elementCount() {
        return elementCount(shape);
    }

    /** Product of a shape already validated to fit a Java array (0 as soon as one axis is 0). */
    static int elementCount(int[] shape) {
        int n = 1;
        for (int d : shape) {
            if (d == 0) return 0;
            n *= d;
        }
        return n;
    }

    /** Payload size in bytes. */
    long dataBytes() {
        return (long) elementCount() * itemSize;
    }

    /**
     * Validates a parsed header dict: exactly the keys 'descr', 'fortran_order', 'shape'; a
     * supported descr; a bool; a tuple of non-negative ints whose product (times the values per
     * element) fits a Java array. Sizes are computed with overflow checks.
     */
    static NpyHeader validate(Map<String, Item> dict, int version, String headerText, String source,
                              long headerStart, boolean utf8, long dataOffset) throws NpyFormatException {
        Set<String> unknown = new TreeSet<>(dict.keySet());
        unknown.removeAll(KEYS);
        Set<String> missing = new TreeSet<>(KEYS);
        missing.removeAll(dict.keySet());
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            String what = (unknown.isEmpty() ? "" : "unknown key(s) " + unknown)
                    + (unknown.isEmpty() || missing.isEmpty() ? "" : " and ")
                    + (missing.isEmpty() ? "" : "missing key(s) " + missing);
            throw new NpyFormatException(source, headerStart, "header has " + what
                    + "; an NPY header has exactly 'descr', 'fortran_order' and 'shape': "
                    + NpyHeaderParser.quoteHeader(headerText));
        }

        Item descrItem = dict.get("descr");
        long descrAt = NpyHeaderParser.byteOffset(headerText, headerStart, utf8, descrItem.at());
        Object descrValue = descrItem.value();
        if (descrValue instanceof PyList) {
            throw new NpyFormatException(source, descrAt, "structured dtype " + NpyHeaderParser.repr(descrValue)
                    + " is not supported; supported dtypes: " + NpyElementType.SUPPORTED);
        }
        if (!(descrValue instanceof String descr)) {
            throw new NpyFormatException(source, descrAt, "'descr' must be a dtype string such as '<f8', not "
                    + NpyHeaderParser.repr(descrValue));
        }
        Descr d = parseDescr(descr, source, descrAt);

        Item orderItem = dict.get("fortran_order");
        if (!(orderItem.value() instanceof Boolean fortran)) {
            throw new NpyFormatException(source,
                    NpyHeaderParser.byteOffset(headerText, headerStart, utf8, orderItem.at()),
                    "'fortran_order' must be True or False, not " + NpyHeaderParser.repr(orderItem.value()));
        }

        Item shapeItem = dict.get("shape");
        long shapeAt = NpyHeaderParser.byteOffset(headerText, headerStart, utf8, shapeItem.at());
        if (!(shapeItem.value() instanceof PyTuple tuple)) {
            throw new NpyFormatException(source, shapeAt, "'shape' must be a tuple of integers such as (2, 3), not "
                    + NpyHeaderParser.repr(shapeItem.value()));
        }
        List<Object> dims = tuple.items();
        int[] shape = new int[dims.size()];
        boolean anyZero = false;
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof BigInteger dim)) {
                throw new NpyFormatException(source, shapeAt, "shape " + NpyHeaderParser.repr(tuple) + " has "
                        + NpyHeaderParser.repr(dims.get(i)) + " at axis " + i + "; dimensions are integers");
            }
            if (dim.signum() < 0) {
                throw new NpyFormatException(source, shapeAt, "shape " + NpyHeaderParser.repr(tuple)
                        + " has the negative dimension " + dim + " at axis " + i);
            }
            if (dim.compareTo(BigInteger.valueOf(MAX_ARRAY_LENGTH)) > 0) {
                throw new NpyFormatException(source, shapeAt, "shape " + NpyHeaderParser.repr(tuple)
                        + " has the dimension " + dim + " at axis " + i + ", more than a Java array holds ("
                        + MAX_ARRAY_LENGTH + ")");
            }
            shape[i] = dim.intValue();
            anyZero |= shape[i] == 0;
        }
        long count = 1;
        if (!anyZero) {
            for (int dim : shape) {
                count = multiplyOrMax(count, dim);
            }
        } else {
            count = 0;
        }
        long scalars = multiplyOrMax(count, d.type.scalarsPerElement());
        if (scalars > MAX_ARRAY_LENGTH) {
            throw new NpyFormatException(source, shapeAt, "shape " + NpyHeaderParser.repr(tuple) + " of '"
                    + descr + "' has " + (count == Long.MAX_VALUE ? "more than 2^63" : String.valueOf(count))
                    + " elements, more than a Java array holds (" + MAX_ARRAY_LENGTH
                    + (d.type.isComplex() ? " values, 2 per complex element)" : ")"));
        }
        return new NpyHeader(version, d.type, d.bigEndian, d.itemSize, fortran, shape, descr, dataOffset);
    }

    private static long multiplyOrMax(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    private record Descr(NpyElementType type, boolean bigEndian, int itemSize) {}

    /**
     * Parses a simple dtype string: byte order ('<' little, '>' big, '|' not applicable), a type
     * code and a size, e.g. {@code <f8}, {@code >i4}, {@code |b1}, {@code <c16}, {@code <U12}.
     */
    private static Descr parseDescr(String descr, String source, long at) throws NpyFormatException {
        if (descr.length() < 2) throw unsupported(descr, source, at, "");
        char order = descr.charAt(0);
        char code = descr.charAt(1);
        String digits = descr.substring(2);
        if (order != '<' && order != '>' && order != '|' && order != '=') {
            throw unsupported(descr, source, at, " (it has no byte-order character '<', '>' or '|')");
        }
        if (code == 'O') {
            throw unsupported(descr, source, at, " (object arrays are pickled Python objects)");
        }
        if (code == 'V') {
            throw unsupported(descr, source, at, " (raw void / structured records)");
        }
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                || (digits.length() > 1 && digits.charAt(0) == '0')) {
            throw unsupported(descr, source, at, "");
        }
        int size = Integer.parseInt(digits);
        if (code == 'U') {
            if (order == '|' || order == '=') throw byteOrder(descr, source, at);
            if (size == 0) throw unsupported(descr, source, at, " (zero-length strings)");
            if (size > MAX_ARRAY_LENGTH / 4) throw unsupported(descr, source, at, " (strings this long)");
            return new Descr(NpyElementType.UNICODE, order == '>', 4 * size);
        }
        NpyElementType type = NpyElementType.of(code, size);
        if (type == null) throw unsupported(descr, source, at, "");
        if (order == '=' || (order == '|' && size > 1)) throw byteOrder(descr, source, at);
        return new Descr(type, order == '>', size);
    }

    private static NpyFormatException byteOrder(String descr, String source, long at) {
        return new NpyFormatException(source, at, "dtype '" + descr + "' has no explicit byte order; "
                + "multi-byte types in NPY files are '<' (little-endian) or '>' (big-endian)");
    }

    private static NpyFormatException unsupported(String descr, String source, long at, String why) {
        return new NpyFormatException(source, at, "unsupported dtype '" + descr + "'" + why
                + "; supported dtypes: " + NpyElementType.SUPPORTED);
    }

    /** Python-style shape text, e.g. {@code (2, 3)} or {@code (4,)}. */
    static String shapeRepr(int[] shape) {
        List<Object> items = new ArrayList<>();
        for (int d : shape) items.add(BigInteger.valueOf(d));
        return NpyHeaderParser.repr(new PyTuple(items));
    }
}
