package dev.noether.core.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Hand-built NPY bytes for malformed-input tests, assembled from the spec, not from the writer. */
final class CraftedNpy {
    private CraftedNpy() {}

    /** Format 1.0 with {@code dict} padded by spaces and a newline to a 64-byte boundary. */
    static byte[] v1(String dict, byte[] payload) {
        int total = 10 + dict.length() + 1;
        String padded = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        return raw(1, 0, padded.getBytes(StandardCharsets.ISO_8859_1), payload);
    }

    /** Magic, version, header length (2 bytes for major 1, else 4), header, payload. */
    static byte[] raw(int major, int minor, byte[] header, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, (byte) minor});
        ByteBuffer len = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) len.putShort((short) header.length);
        else len.putInt(header.length);
        out.writeBytes(len.array());
        out.writeBytes(header);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** Little-endian float64 bytes. */
    static byte[] f64(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) b.putDouble(x);
        return b.array();
    }

    static String dict(String descr, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    }
}
