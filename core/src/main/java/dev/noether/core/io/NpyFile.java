package dev.noether.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Single {@code .npy} files at the byte level: {@link NpyArray} in and out. */
final class NpyFile {
    private NpyFile() {}

    static NpyArray read(Path path) throws IOException {
        return read(path, NpyReader.Content.ANY);
    }

    static NpyArray read(Path path, NpyReader.Content content) throws IOException {
        long size = Files.size(path);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            return NpyReader.read(in, size, path.toString(), content);
        }
    }

    /** Writes {@code a} (little-endian, C order), replacing {@code path} atomically. */
    static void write(Path path, NpyArray a) throws IOException {
        AtomicFileWrite.replace(path, out -> NpyWriter.write(out, a));
    }
}
