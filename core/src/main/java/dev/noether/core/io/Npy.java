package dev.noether.core.io;

import dev.noether.core.Tensor;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Single arrays in numpy's {@code .npy} format, as {@code np.save} and {@code np.load} use them.
 *
 * <p><b>Format.</b> The magic {@code \x93NUMPY}, a major and minor version byte, the header
 * length (little-endian, 2 bytes in version 1.0, 4 bytes in 2.0 and 3.0), the header (a Python
 * dict literal {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }}, Latin-1 in
 * 1.0/2.0 and UTF-8 in 3.0, padded with spaces and a final newline so that the data starts at a
 * multiple of 64 bytes), then the elements.
 *
 * <p><b>Reading</b> accepts versions 1.0, 2.0 and 3.0; C and Fortran order (a Fortran-order
 * file gives the same logical array); little- and big-endian data; dtypes float64, float32,
 * int64, int32, bool, complex128 and complex64. Complex arrays become floating tensors with a
 * trailing axis of 2 holding (re, im): complex128 of shape {@code (n, m)} reads as F64
 * {@code [n, m, 2]}, complex64 as F32. 0-d arrays read as rank-0 tensors, arrays with a 0 in the
 * shape as empty tensors. The header is parsed by a strict parser for exactly the NPY grammar;
 * the data size it implies (computed with overflow checks) must equal the bytes that follow, and
 * this is checked before any array is allocated. Every defect (truncation, bad magic, unknown
 * or missing header keys, a negative or absurd dimension, an unsupported dtype such as
 * {@code <c32}, {@code |O} or a structured dtype, trailing bytes) is an
 * {@link NpyFormatException} naming the file, the byte offset and the supported alternatives.
 *
 * <p><b>Writing</b> gives version 1.0 (2.0 when the header exceeds 65535 bytes), little-endian,
 * C order, byte for byte what numpy 2's {@code np.save} writes for the same array. Files are
 * replaced atomically: written to a temporary file in the same directory, forced to disk and
 * renamed over the target, so a crash leaves the old file or the new one, never half a file.
 */
public final class Npy {
    private Npy() {}

    /** Reads a numeric array; a complex array gains a trailing axis of 2 (re, im). */
    public static Tensor read(Path path) throws IOException {
        return NpyTensors.toTensor(NpyFile.read(path, NpyReader.Content.NUMBERS), path.toString());
    }

    /** Reads a 0-d unicode string, as written by {@code np.save(path, np.array('text'))}. */
    public static String readString(Path path) throws IOException {
        return NpyTensors.scalarString(NpyFile.read(path, NpyReader.Content.STRING), path.toString());
    }

    /** Writes {@code tensor} with its own dtype (float64, float32, int64, int32 or bool). */
    public static void write(Path path, Tensor tensor) throws IOException {
        NpyFile.write(path, NpyTensors.real(tensor));
    }

    /**
     * Writes a floating tensor whose last axis (length 2) holds (re, im) as a complex array of
     * the remaining axes: F64 {@code [..., 2]} as complex128, F32 as complex64.
     *
     * @throws IllegalArgumentException if the tensor is not floating or its last axis is not 2
     */
    public static void writeComplex(Path path, Tensor tensor) throws IOException {
        NpyFile.write(path, NpyTensors.complex(tensor, "Npy.writeComplex"));
    }

    /**
     * Writes a 0-d unicode string ({@code <U<n>}, n code points), which numpy reads back with
     * {@code str(np.load(path))}. Trailing U+0000 characters are refused, since numpy strips them.
     */
    public static void writeString(Path path, String value) throws IOException {
        NpyFile.write(path, NpyTensors.string(value, "Npy.writeString"));
    }
}
