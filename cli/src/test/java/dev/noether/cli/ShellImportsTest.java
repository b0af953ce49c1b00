package dev.noether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellImportsTest {
    @TempDir
    Path tmp;

    private void touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {(byte) 0xCA, (byte) 0xFE});
    }

    @Test
    void findsNoetherPackagesInDirectoriesAndJarsButNotTheCli() throws IOException {
        Path classes = tmp.resolve("classes");
        touch(classes.resolve("dev/noether/core/Tensor.class"));
        touch(classes.resolve("dev/noether/core/fft/Fft.class"));
        touch(classes.resolve("dev/noether/core/fft/Fft$Plan.class"));
        touch(classes.resolve("dev/noether/cli/Main.class"));
        touch(classes.resolve("dev/noether/core/empty/readme.txt"));
        touch(classes.resolve("org/other/Thing.class"));
        Path jar = tmp.resolve("autodiff.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os)) {
            j.putNextEntry(new JarEntry("dev/noether/"));
            j.putNextEntry(new JarEntry("dev/noether/autodiff/"));
            j.putNextEntry(new JarEntry("dev/noether/autodiff/Variable.class"));
            j.putNextEntry(new JarEntry("dev/noether/cli/sub/X.class"));
            j.putNextEntry(new JarEntry("META-INF/MANIFEST.MF"));
        }
        String cp = String.join(File.pathSeparator, classes.toString(), "", jar.toString(),
                tmp.resolve("missing.jar").toString());
        assertEquals(List.of("dev.noether.autodiff", "dev.noether.core", "dev.noether.core.fft"),
                ShellImports.noetherPackages(cp));
        List<String> lines = ShellImports.importLines(cp);
        assertEquals("import java.io.*;", lines.get(0));
        assertEquals(List.of("import dev.noether.autodiff.*;", "import dev.noether.core.*;", "import dev.noether.core.fft.*;"),
                lines.subList(lines.size() - 3, lines.size()));
    }

    @Test
    void theRealClassPathHasTheCorePackages() {
        List<String> found = ShellImports.noetherPackages(System.getProperty("java.class.path"));
        assertEquals(true, found.contains("dev.noether.core") && found.contains("dev.noether.core.cpu"), found.toString());
    }

    @Test
    void jshellCommandCarriesClassPathStartupModulesAndJvmOptions() {
        List<String> c = ShellCommand.jshellCommand(Path.of("/jdk/bin/jshell"), "a.jar:b.jar", Path.of("/tmp/s.jsh"),
                true, " -Xmx2g  -Dx=1 ");
        assertEquals(List.of("/jdk/bin/jshell", "--class-path", "a.jar:b.jar", "--startup", "DEFAULT",
                "--startup", "/tmp/s.jsh", "--add-modules", "jdk.incubator.vector",
                "-R--add-modules=jdk.incubator.vector", "-R-Xmx2g", "-R-Dx=1"), c);
        assertEquals(7, ShellCommand.jshellCommand(Path.of("j"), "cp", Path.of("s"), false, "").size());
    }
}
