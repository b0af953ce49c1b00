package dev.noether.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads one NPY array (format versions 1.0, 2.0 and 3.0) from a stream of known length.
 *
 * <p>Layout: the magic {@code \x93NUMPY}, major and minor version bytes, the header length
 * (unsigned little-endian, 2 bytes in 1.0, 4 bytes in 2.0/3.0), the header (a Python dict
 * literal, Latin-1 in 1.0/2.0, UTF-8 in 3.0, padded with spaces and a newline), then the
 * payload. The payload size implied by the header is checked against the bytes left before any
 * array is allocated; the stream must end exactly after the payload. Fortran-order payloads are
 * reordered to C order, big-endian ones converted to the JVM's values.
 */
final class NpyReader {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Largest header accepted (numpy itself refuses headers over 10000 characters by default). */
    static final int MAX_HEADER_BYTES = 1 << 20;
    private static final int CHUNK = 1 << 16;

    private NpyReader() {}

    /**
     * @param in        the stream, positioned at the magic
     * @param available its exact length in bytes (file size, or the zip entry's size)
     * @param source    file (and entry) name for messages
     */
    static NpyArray read(InputStream in, long available, String source) throws IOException {
        return read(in, available, source, Content.ANY);
    }

    /** What the caller can use: any array, numbers only (for tensors) or a string (metadata). */
    enum Content { ANY, NUMBERS, STRING }

    /** As {@link #read(InputStream, long, String)}, rejecting other content before reading the payload. */
    static NpyArray read(InputStream in, long available, String source, Content content) throws IOException {
        NpyHeader h = readHeader(in, available, source);
        long headerStart = h.version() == 1 ? 10 : 12;
        if (content == Content.NUMBERS && h.type() == NpyElementType.UNICODE) {
            throw new NpyFormatException(source, headerStart, "dtype '" + h.descr() + "' holds unicode strings where a "
                    + "numeric array was expected; read strings with Npy.readString, Npz.readStrings or Npz.readAll");
        }
        if (content == Content.STRING && h.type() != NpyElementType.UNICODE) {
            throw new NpyFormatException(source, headerStart, "dtype '" + h.descr() + "' (" + h.type().numpyName
                    + ") holds numbers where a unicode string was expected; read arrays with Npy.read or Npz.read");
        }
        Object data = readPayload(in, h, source);
        if (in.read() != -1) {
            throw new NpyFormatException(source, h.dataOffset() + h.dataBytes(),
                    "more bytes follow the array data than the " + available + " the file was said to hold");
        }
        int[] shape = h.shape();
        if (h.fortranOrder() && shape.length > 1) {
            data = fortranToC(data, shape, h.type().scalarsPerElement());
        }
        return new NpyArray(h.type(), shape, data);
    }

    /** Reads and validates the preamble and header, and checks the payload size against {@code available}. */
    static NpyHeader readHeader(InputStream in, long available, String source) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        int got = in.readNBytes(magic, 0, magic.length);
        for (int i = 0; i < got; i++) {
            if (magic[i] != MAGIC[i]) {
                throw new NpyFormatException(source, i, "not an NPY array: it starts with "
                        + escape(magic, got) + ", an NPY file starts with \\x93NUMPY");
            }
        }
        if (got < MAGIC.length) {
            throw new NpyFormatException(source, got, "truncated: the file ends inside the magic string \\x93NUMPY");
        }
        int major = readByte(in, source, 6, "the version");
        int minor = readByte(in, source, 7, "the version");
        if ((major != 1 && major != 2 && major != 3) || minor != 0) {
            throw new NpyFormatException(source, 6, "unsupported NPY format version " + major + "." + minor
                    + "; supported: 1.0, 2.0, 3.0");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        long headerLength = 0;
        for (int i = 0; i < lengthBytes; i++) {
            headerLength |= (long) readByte(in, source, 8 + i, "the header length") << (8 * i);
        }
        long headerStart = 8 + lengthBytes;
        if (headerLength > available - headerStart) {
            throw new NpyFormatException(source, 8, "header length " + headerLength + " exceeds the "
                    + Math.max(0, available - headerStart) + " bytes left in the file");
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw new NpyFormatException(source, 8, "header length " + headerLength
                    + " exceeds the " + MAX_HEADER_BYTES + " bytes accepted");
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw new NpyFormatException(source, headerStart + headerBytes.length,
                    "truncated: the file ends inside the " + headerLength + "-byte header");
        }
        boolean utf8 = major == 3;
        String text;
        if (utf8) {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(headerBytes)).toString();
            } catch (CharacterCodingException e) {
                throw new NpyFormatException(source, headerStart, "format 3.0 header is not valid UTF-8", e);
            }
        } else {
            text = new String(headerBytes, StandardCharsets.ISO_8859_1);
        }
        long dataOffset = headerStart + headerLength;
        Map<String, NpyHeaderParser.Item> dict = NpyHeaderParser.parse(text, source, headerStart, utf8);
        NpyHeader h = NpyHeader.validate(dict, major, text, source, headerStart, utf8, dataOffset);
        long remaining = available - dataOffset;
        long needed = h.dataBytes();
        if (needed > remaining) {
            throw new NpyFormatException(source, dataOffset, "header claims shape " + NpyHeader.shapeRepr(h.shape())
                    + " of '" + h.descr() + "' = " + needed + " bytes of data but only " + remaining
                    + " bytes follow the header (truncated file, or a header that lies about its shape)");
        }
        if (needed < remaining) {
            throw new NpyFormatException(source, dataOffset + needed, (remaining - needed)
                    + " unexpected bytes after the " + needed + " bytes of data for shape "
                    + NpyHeader.shapeRepr(h.shape()) + " of '" + h.descr() + "'");
        }
        return h;
    }

    private static int readByte(InputStream in, String source, long offset, String what) throws IOException {
        int b = in.read();
        if (b < 0) throw new NpyFormatException(source, offset, "truncated: the file ends inside " + what);
        return b;
    }

    private static String escape(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int v = b[i] & 0xff;
            if (v >= 0x20 && v < 0x7f && v != '\\') sb.append((char) v);
            else sb.append(String.format("\\x%02x", v));
        }
        return sb.length() == 0 ? "nothing (empty file)" : sb.toString();
    }

    @FunctionalInterface
    private interface ChunkSink {
        /** Consumes {@code buf.remaining()} bytes holding values {@code first, first+1, ...}. */
        void accept(ByteBuffer buf, int first) throws NpyFormatException;
    }

    private static Object readPayload(InputStream in, NpyHeader h, String source) throws IOException {
        int n = h.elementCount();
        NpyElementType type = h.type();
        int values = n * type.scalarsPerElement();
        int width = type == NpyElementType.UNICODE ? 4 : h.itemSize() / type.scalarsPerElement();
        long start = h.dataOffset();
        switch (type) {
            case F64, C128 -> {
                double[] a = new double[values];
                readChunks(in, h, values, width, source, (buf, first) -> buf.asDoubleBuffer().get(a, first, buf.remaining() / 8));
                return a;
            }
            case F32, C64 -> {
                float[] a = new float[values];
                readChunks(in, h, values, width, source, (buf, first) -> buf.asFloatBuffer().get(a, first, buf.remaining() / 4));
                return a;
            }
            case I64 -> {
                long[] a = new long[values];
                readChunks(in, h, values, width, source, (buf, first) -> buf.asLongBuffer().get(a, first, buf.remaining() / 8));
                return a;
            }
            case I32 -> {
                int[] a = new int[values];
                readChunks(in, h, values, width, source, (buf, first) -> buf.asIntBuffer().get(a, first, buf.remaining() / 4));
                return a;
            }
            case BOOL -> {
                boolean[] a = new boolean[values];
                readChunks(in, h, values, width, source, (buf, first) -> {
                    for (int i = 0, m = buf.remaining(); i < m; i++) {
                        byte b = buf.get(i);
                        if (b != 0 && b != 1) {
                            throw new NpyFormatException(source, start + first + i, String.format(
                                    "bool element %d is the byte 0x%02x; '|b1' bytes are 0 or 1", first + i, b & 0xff));
                        }
                        a[first + i] = b == 1;
                    }
                });
                return a;
            }
            case UNICODE -> {
                long units = h.dataBytes() / 4;
                if (units > NpyHeader.MAX_ARRAY_LENGTH) {
                    throw new NpyFormatException(source, start, "string payload of " + h.dataBytes() + " bytes is too large");
                }
                int[] codes = new int[(int) units];
                readChunks(in, h, codes.length, 4, source, (buf, first) -> buf.asIntBuffer().get(codes, first, buf.remaining() / 4));
                return decodeStrings(codes, n, h.itemSize() / 4, source, start);
            }
            default -> throw new AssertionError(type);
        }
    }

    /** Reads {@code values} values of {@code width} bytes in chunks, each chunk a whole number of values. */
    private static void readChunks(InputStream in, NpyHeader h, long values, int width, String source, ChunkSink sink)
            throws IOException {
        int perChunk = Math.max(1, CHUNK / width);
        byte[] buf = new byte[(int) Math.min((long) perChunk * width, Math.max(width, values * width))];
        ByteOrder order = h.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long done = 0;
        while (done < values) {
            int take = (int) Math.min(perChunk, values - done);
            int bytes = take * width;
            int got = in.readNBytes(buf, 0, bytes);
            if (got < bytes) {
                throw new NpyFormatException(source, h.dataOffset() + done * width + got,
                        "truncated: the data ends after " + (done * width + got) + " of " + h.dataBytes() + " bytes");
            }
            sink.accept(ByteBuffer.wrap(buf, 0, bytes).order(order), (int) done);
            done += take;
        }
    }

    /** numpy's {@code <U<n>} elements: n UTF-32 code units, trailing NULs stripped. */
    private static String[] decodeStrings(int[] codes, int count, int chars, String source, long start)
            throws NpyFormatException {
        String[] out = new String[count];
        StringBuilder sb = new StringBuilder();
        for (int e = 0; e < count; e++) {
            int base = e * chars;
            int end = chars;
            while (end > 0 && codes[base + end - 1] == 0) end--;
            sb.setLength(0);
            for (int c = 0; c < end; c++) {
                int cp = codes[base + c];
                if (!Character.isValidCodePoint(cp)) {
                    throw new NpyFormatException(source, start + 4L * (base + c), String.format(
                            "string element %d holds 0x%x, which is not a Unicode code point", e, cp));
                }
                sb.appendCodePoint(cp);
            }
            out[e] = sb.toString();
        }
        return out;
    }

    /**
     * Reorders a column-major payload of {@code shape} into row-major order. {@code width} Java
     * values make one element (2 for complex).
     */
    static Object fortranToC(Object data, int[] shape, int width) {
        int rank = shape.length;
        int n = NpyHeader.elementCount(shape);
        if (n == 0) return data;
        // column-major strides (in elements) of each axis
        int[] fStride = new int[rank];
        int s = 1;
        for (int a = 0; a < rank; a++) {
            fStride[a] = s;
            s *= shape[a];
        }
        // source[i] = column-major position of the i-th row-major element (odometer over C order)
        int[] source = new int[n];
        int[] idx = new int[rank];
        int src = 0;
        for (int i = 0; i < n; i++) {
            source[i] = src;
            for (int a = rank - 1; a >= 0; a--) {
                if (++idx[a] < shape[a]) {
                    src += fStride[a];
                    break;
                }
                idx[a] = 0;
                src -= fStride[a] * (shape[a] - 1);
            }
        }
        Object out = java.lang.reflect.Array.newInstance(data.getClass().getComponentType(), n * width);
        return gather(data, out, source, width);
    }

    private static Object gather(Object data, Object out, int[] source, int width) {
        int n = source.length;
        if (data instanceof double[] in) {
            double[] o = (double[]) out;
            for (int i = 0; i < n; i++) for (int w = 0; w < width; w++) o[i * width + w] = in[source[i] * width + w];
        } else if (data instanceof float[] in) {
            float[] o = (float[]) out;
            for (int i = 0; i < n; i++) for (int w = 0; w < width; w++) o[i * width + w] = in[source[i] * width + w];
        } else if (data instanceof long[] in) {
            long[] o = (long[]) out;
            for (int i = 0; i < n; i++) o[i] = in[source[i]];
        } else if (data instanceof int[] in) {
            int[] o = (int[]) out;
            for (int i = 0; i < n; i++) o[i] = in[source[i]];
        } else if (data instanceof boolean[] in) {
            boolean[] o = (boolean[]) out;
            for (int i = 0; i < n; i++) o[i] = in[source[i]];
        } else {
            Object[] in = (Object[]) data;
            Object[] o = (Object[]) out;
            for (int i = 0; i < n; i++) o[i] = in[source[i]];
        }
        return out;
    }
}
