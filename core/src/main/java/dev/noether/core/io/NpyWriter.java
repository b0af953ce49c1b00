package dev.noether.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes one NPY array, little-endian, C order, byte for byte as numpy 2's {@code np.save}
 * does: format 1.0 (2.0 when the header would exceed 65535 bytes), header
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }} followed by numpy's
 * growth spaces ({@value #GROWTH_AXIS_MAX_DIGITS} minus the digits of the first dimension) and
 * space padding so that the payload starts at a multiple of {@value #ALIGN} bytes, then a
 * newline.
 */
final class NpyWriter {
    static final int ALIGN = 64;
    /** numpy leaves room to rewrite the first dimension with up to this many digits in place. */
    static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final int CHUNK = 1 << 16;

    private NpyWriter() {}

    /** The descriptor this writer uses for {@code a}, e.g. {@code <f8}, {@code |b1}, {@code <U12}. */
    static String descr(NpyArray a) {
        return switch (a.type()) {
            case F64 -> "<f8";
            case F32 -> "<f4";
            case I64 -> "<i8";
            case I32 -> "<i4";
            case BOOL -> "|b1";
            case C128 -> "<c16";
            case C64 -> "<c8";
            case UNICODE -> "<U" + unicodeChars(a);
        };
    }

    /** Code points per element of a string array: the longest string's, at least 1 (as numpy). */
    static int unicodeChars(NpyArray a) {
        String[] s = (String[]) a.data();
        int chars = 1;
        for (int i = 0, n = a.elementCount(); i < n; i++) {
            String v = s[a.dataOffset() + i];
            if (v == null) throw new IllegalArgumentException("NPY string element " + i + " is null");
            if (!v.isEmpty() && v.charAt(v.length() - 1) == '\0') {
                throw new IllegalArgumentException("NPY string element " + i + " ends with U+0000, which numpy "
                        + "strips on reading; remove the trailing NUL characters");
            }
            chars = Math.max(chars, v.codePointCount(0, v.length()));
        }
        return chars;
    }

    static int itemSize(NpyArray a) {
        return a.type() == NpyElementType.UNICODE ? 4 * unicodeChars(a) : a.type().fixedItemSize;
    }

    /** The preamble and padded header for an array of {@code descr} and {@code shape}. */
    static byte[] header(String descr, int[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(descr)
                .append("', 'fortran_order': False, 'shape': ").append(NpyHeader.shapeRepr(shape)).append(", }");
        if (shape.length > 0) dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length()));
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        int textWithNewline = text.length + 1;
        int version = 1;
        int prefix = NpyReader.MAGIC.length + 2 + 2;
        int pad = ALIGN - (prefix + textWithNewline) % ALIGN;
        if (textWithNewline + pad > 0xFFFF) {
            version = 2;
            prefix = NpyReader.MAGIC.length + 2 + 4;
            pad = ALIGN - (prefix + textWithNewline) % ALIGN;
        }
        int headerLength = textWithNewline + pad;
        ByteBuffer b = ByteBuffer.allocate(prefix + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        b.put(NpyReader.MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) b.putShort((short) headerLength);
        else b.putInt(headerLength);
        b.put(text);
        for (int i = 0; i < pad; i++) b.put((byte) ' ');
        b.put((byte) '\n');
        return b.array();
    }

    /** Total bytes {@link #write} produces for {@code a}. */
    static long encodedLength(NpyArray a) {
        return header(descr(a), a.shape()).length + (long) a.elementCount() * itemSize(a);
    }

    static void write(OutputStream out, NpyArray a) throws IOException {
        String descr = descr(a);
        out.write(header(descr, a.shape()));
        int values = a.elementCount() * a.type().scalarsPerElement();
        int off = a.dataOffset();
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        byte[] bytes = buf.array();
        switch (a.type()) {
            case F64, C128 -> {
                double[] d = (double[]) a.data();
                for (int i = 0; i < values; i += CHUNK / 8) {
                    int m = Math.min(CHUNK / 8, values - i);
                    buf.clear();
                    buf.asDoubleBuffer().put(d, off + i, m);
                    out.write(bytes, 0, m * 8);
                }
            }
            case F32, C64 -> {
                float[] d = (float[]) a.data();
                for (int i = 0; i < values; i += CHUNK / 4) {
                    int m = Math.min(CHUNK / 4, values - i);
                    buf.clear();
                    buf.asFloatBuffer().put(d, off + i, m);
                    out.write(bytes, 0, m * 4);
                }
            }
            case I64 -> {
                long[] d = (long[]) a.data();
                for (int i = 0; i < values; i += CHUNK / 8) {
                    int m = Math.min(CHUNK / 8, values - i);
                    buf.clear();
                    buf.asLongBuffer().put(d, off + i, m);
                    out.write(bytes, 0, m * 8);
                }
            }
            case I32 -> {
                int[] d = (int[]) a.data();
                for (int i = 0; i < values; i += CHUNK / 4) {
                    int m = Math.min(CHUNK / 4, values - i);
                    buf.clear();
                    buf.asIntBuffer().put(d, off + i, m);
                    out.write(bytes, 0, m * 4);
                }
            }
            case BOOL -> {
                boolean[] d = (boolean[]) a.data();
                for (int i = 0; i < values; i += CHUNK) {
                    int m = Math.min(CHUNK, values - i);
                    for (int j = 0; j < m; j++) bytes[j] = d[off + i + j] ? (byte) 1 : (byte) 0;
                    out.write(bytes, 0, m);
                }
            }
            case UNICODE -> {
                String[] s = (String[]) a.data();
                int chars = Integer.parseInt(descr.substring(2));
                ByteBuffer element = ByteBuffer.allocate(4 * chars).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < values; i++) {
                    element.clear();
                    s[off + i].codePoints().forEach(element::putInt);
                    while (element.hasRemaining()) element.putInt(0);
                    out.write(element.array());
                }
            }
            default -> throw new AssertionError(a.type());
        }
    }
}
