package dev.noether.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The imports a {@code noether shell} session starts with: jshell's own default imports, then
 * one {@code import p.*;} for every Noether package found on the class path (every package
 * under {@code dev.noether} holding a class, except the command line's own
 * {@code dev.noether.cli}). Modules that join the class path later (autodiff, models...) are
 * imported without a change here.
 */
public final class ShellImports {
    /** jshell's {@code DEFAULT} startup imports, so scripts see what the interactive shell sees. */
    public static final List<String> JSHELL_DEFAULT = List.of(
            "java.io", "java.math", "java.net", "java.nio.file", "java.util", "java.util.concurrent",
            "java.util.function", "java.util.prefs", "java.util.regex", "java.util.stream");

    static final String ROOT = "dev/noether/";
    static final String EXCLUDED = "dev.noether.cli";

    private ShellImports() {}

    /** The Noether packages on {@code classPath} (entries separated by the platform separator), sorted. */
    public static List<String> noetherPackages(String classPath) {
        TreeSet<String> packages = new TreeSet<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) continue;
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                scanDirectory(p, packages);
            } else if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                scanJar(p, packages);
            }
        }
        packages.removeIf(pkg -> pkg.equals(EXCLUDED) || pkg.startsWith(EXCLUDED + "."));
        return new ArrayList<>(packages);
    }

    /** {@code import p.*;} lines: jshell's defaults, then the Noether packages on {@code classPath}. */
    public static List<String> importLines(String classPath) {
        List<String> lines = new ArrayList<>();
        for (String p : JSHELL_DEFAULT) lines.add("import " + p + ".*;");
        for (String p : noetherPackages(classPath)) lines.add("import " + p + ".*;");
        return lines;
    }

    private static void scanDirectory(Path dir, TreeSet<String> packages) {
        Path root = dir.resolve(ROOT);
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.getFileName().toString().endsWith(".class"))
                    .forEach(f -> packages.add(packageOf(dir.relativize(f).toString().replace(File.separatorChar, '/'))));
        } catch (IOException e) {
            throw new UncheckedIOException("noether shell: cannot list class path directory " + dir, e);
        }
    }

    private static void scanJar(Path jar, TreeSet<String> packages) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> en = jf.entries(); en.hasMoreElements(); ) {
                String name = en.nextElement().getName();
                if (name.startsWith(ROOT) && name.endsWith(".class")) packages.add(packageOf(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("noether shell: cannot read class path jar " + jar, e);
        }
    }

    private static String packageOf(String classFile) {
        return classFile.substring(0, classFile.lastIndexOf('/')).replace('/', '.');
    }
}
