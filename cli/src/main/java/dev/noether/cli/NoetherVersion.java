package dev.noether.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version of this Noether build, read from {@code noether-version.properties}, a resource
 * that Maven fills in from the POM's {@code project.version} (resource filtering).
 */
public final class NoetherVersion implements IVersionProvider {
    private static final String RESOURCE = "noether-version.properties";

    /** The Noether version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        try (InputStream in = NoetherVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("noether: resource dev/noether/cli/" + RESOURCE
                        + " is missing from the class path; rebuild with ./mvnw -B -pl cli -am package");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            if (v.isEmpty() || v.startsWith("${")) {
                throw new IllegalStateException("noether: " + RESOURCE + " was not filtered by Maven (version='"
                        + v + "'); rebuild with ./mvnw -B -pl cli -am package");
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException("noether: cannot read " + RESOURCE, e);
        }
    }

    /** For picocli's {@code --version}. */
    @Override
    public String[] getVersion() {
        return new String[] {"noether " + get()};
    }
}
