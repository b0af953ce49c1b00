package dev.noether.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NPZ archives at the byte level: a zip file whose entries {@code <name>.npy} are NPY arrays,
 * stored ({@code np.savez}) or deflated ({@code np.savez_compressed}).
 *
 * <p>Reading checks each entry against the archive before allocating: its declared size must be
 * consistent with its compressed size (stored: equal; deflated: at most {@value #MAX_DEFLATE_RATIO}
 * times larger, deflate's limit) and the compressed size must fit in the file; the NPY header's
 * payload size must match the declared size exactly; the CRC-32 of the uncompressed bytes must
 * match the archive's, so a damaged entry is an error, never a silently wrong array.
 */
final class NpzArchive {
    /** Deflate expands at most about 1032:1 (258-byte matches coded in 2 bits). */
    static final long MAX_DEFLATE_RATIO = 1032;
    private static final String SUFFIX = ".npy";
    /** A fixed modification time (the earliest the zip format stores) so output is reproducible. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private NpzArchive() {}

    /** Visits each entry's name (without {@code .npy}), in archive order. */
    @FunctionalInterface
    interface EntryVisitor {
        void visit(String name, EntryReader entry) throws IOException;
    }

    /** Access to one entry's header and array, valid during {@link EntryVisitor#visit}. */
    interface EntryReader {
        /** {@code file, entry 'name.npy'}, for messages. */
        String source();

        /** The entry's NPY header, validated (reads only the header). */
        NpyHeader header() throws IOException;

        /** The entry's array, with every check above. */
        default NpyArray array() throws IOException {
            return array(NpyReader.Content.ANY);
        }

        /** The entry's array, rejecting other content before its payload is read. */
        NpyArray array(NpyReader.Content content) throws IOException;
    }

    /** Reads every entry. */
    static LinkedHashMap<String, NpyArray> read(Path path) throws IOException {
        LinkedHashMap<String, NpyArray> out = new LinkedHashMap<>();
        visit(path, (name, entry) -> out.put(name, entry.array()));
        return out;
    }

    static void visit(Path path, EntryVisitor visitor) throws IOException {
        String file = path.toString();
        long fileSize = Files.size(path);
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException | EOFException e) {
            throw new NpyFormatException(file, -1, "not a readable zip archive (" + e
                    + "); an NPZ file is a zip of .npy entries", e);
        }
        try (zip) {
            Map<String, String> seen = new LinkedHashMap<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String source = file + ", entry '" + e.getName() + "'";
                String name = e.getName().endsWith(SUFFIX)
                        ? e.getName().substring(0, e.getName().length() - SUFFIX.length()) : e.getName();
                if (e.isDirectory()) {
                    throw new NpyFormatException(source, -1, "is a directory; NPZ entries are .npy arrays");
                }
                String previous = seen.put(name, e.getName());
                if (previous != null) {
                    throw new NpyFormatException(source, -1, "has the same array name '" + name
                            + "' as the entry '" + previous + "'");
                }
                checkSizes(e, source, fileSize);
                visitor.visit(name, new EntryReader() {
                    @Override
                    public String source() {
                        return source;
                    }

                    @Override
                    public NpyHeader header() throws IOException {
                        try (InputStream in = open(zip, e, source)) {
                            return guard(source, () -> NpyReader.readHeader(in, e.getSize(), source));
                        }
                    }

                    @Override
                    public NpyArray array(NpyReader.Content content) throws IOException {
                        try (CheckedInputStream in = new CheckedInputStream(open(zip, e, source), new CRC32())) {
                            NpyArray a = guard(source, () -> NpyReader.read(in, e.getSize(), source, content));
                            long crc = in.getChecksum().getValue();
                            if (e.getCrc() != -1 && crc != e.getCrc()) {
                                throw new NpyFormatException(source, -1, String.format(
                                        "CRC-32 of the data is %08x but the archive records %08x: the entry is corrupt",
                                        crc, e.getCrc()));
                            }
                            return a;
                        }
                    }
                });
            }
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** Turns the zip layer's exceptions about damaged data into errors naming the entry. */
    private static <T> T guard(String source, IoSupplier<T> body) throws IOException {
        try {
            return body.get();
        } catch (NpyFormatException e) {
            throw e;
        } catch (ZipException | EOFException e) {
            throw new NpyFormatException(source, -1, "corrupt compressed data (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream open(ZipFile zip, ZipEntry e, String source) throws IOException {
        try {
            return zip.getInputStream(e);
        } catch (ZipException ex) {
            throw new NpyFormatException(source, -1, "cannot be opened (" + ex.getMessage() + ")", ex);
        }
    }

    private static void checkSizes(ZipEntry e, String source, long fileSize) throws NpyFormatException {
        long size = e.getSize();
        long compressed = e.getCompressedSize();
        int method = e.getMethod();
        if (method != ZipEntry.STORED && method != ZipEntry.DEFLATED) {
            throw new NpyFormatException(source, -1, "uses zip compression method " + method
                    + "; supported: 0 (stored, np.savez) and 8 (deflated, np.savez_compressed)");
        }
        if (size < 0 || compressed < 0) {
            throw new NpyFormatException(source, -1, "has no recorded size in the zip directory");
        }
        if (compressed > fileSize) {
            throw new NpyFormatException(source, -1, "claims " + compressed + " compressed bytes in a "
                    + fileSize + "-byte file");
        }
        if (method == ZipEntry.STORED && size != compressed) {
            throw new NpyFormatException(source, -1, "is stored (not compressed) but records " + size
                    + " bytes of data in " + compressed + " bytes");
        }
        if (method == ZipEntry.DEFLATED && size / MAX_DEFLATE_RATIO > compressed + 1) {
            throw new NpyFormatException(source, -1, "claims " + size + " bytes from " + compressed
                    + " deflated bytes, more than deflate can expand (" + MAX_DEFLATE_RATIO + ":1)");
        }
    }

    /**
     * Writes the arrays as entries {@code <name>.npy}, in map order, replacing {@code path}
     * atomically.
     *
     * @param compressed deflate (as {@code np.savez_compressed}, zlib level 6) or store (as {@code np.savez})
     */
    static void write(Path path, Map<String, NpyArray> arrays, boolean compressed) throws IOException {
        for (String name : arrays.keySet()) {
            if (name.isEmpty()) throw new IllegalArgumentException("NPZ array names must not be empty");
        }
        AtomicFileWrite.replace(path, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.setLevel(6);
            for (Map.Entry<String, NpyArray> a : arrays.entrySet()) {
                ZipEntry e = new ZipEntry(a.getKey() + SUFFIX);
                e.setTimeLocal(ENTRY_TIME);
                if (compressed) {
                    e.setMethod(ZipEntry.DEFLATED);
                } else {
                    CRC32 crc = new CRC32();
                    NpyWriter.write(new CheckedOutputStream(OutputStream.nullOutputStream(), crc), a.getValue());
                    long size = NpyWriter.encodedLength(a.getValue());
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(size);
                    e.setCompressedSize(size);
                    e.setCrc(crc.getValue());
                }
                zip.putNextEntry(e);
                NpyWriter.write(zip, a.getValue());
                zip.closeEntry();
            }
            zip.finish();
        });
    }
}
