package dev.noether.core.io;

import java.io.IOException;

/**
 * An NPY or NPZ file that Noether cannot read exactly: bad magic, truncated data, a header that
 * does not parse or lies about its size, an unsupported dtype, a corrupt zip archive.
 *
 * <p>The message names the file (and the NPZ entry, if any), the byte offset where the problem
 * was found (from the start of the file, or of the entry's uncompressed bytes) and what was
 * expected, e.g. {@code data.npz, entry 'u.npy', byte 128: header claims shape (1000000,) of
 * '<f8' = 8000000 bytes of data but only 48 bytes follow the header}.
 */
public final class NpyFormatException extends IOException {
    private final String source;
    private final long byteOffset;

    /**
     * @param source     the file, or {@code file, entry 'name.npy'} for an NPZ entry
     * @param byteOffset offset of the problem in the file or entry, or -1 when no single byte is
     *                   to blame (e.g. a corrupt zip directory)
     * @param detail     what is wrong and what was expected
     */
    public NpyFormatException(String source, long byteOffset, String detail) {
        super(source + (byteOffset >= 0 ? ", byte " + byteOffset : "") + ": " + detail);
        this.source = source;
        this.byteOffset = byteOffset;
    }

    public NpyFormatException(String source, long byteOffset, String detail, Throwable cause) {
        this(source, byteOffset, detail);
        initCause(cause);
    }

    /** The file, or {@code file, entry 'name.npy'}, the problem was found in. */
    public String source() {
        return source;
    }

    /** Offset of the problem in the file or the entry's uncompressed bytes, or -1. */
    public long byteOffset() {
        return byteOffset;
    }
}
