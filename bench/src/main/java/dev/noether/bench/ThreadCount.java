package dev.noether.bench;

/**
 * The {@code threads} benchmark parameter: a positive integer, or {@code all} for every
 * available processor ({@link Runtime#availableProcessors()}).
 */
final class ThreadCount {
    /** The parameter value that means every available processor. */
    static final String ALL = "all";

    private ThreadCount() {}

    static int resolve(String param) {
        if (ALL.equals(param)) return Math.max(1, Runtime.getRuntime().availableProcessors());
        int t;
        try {
            t = Integer.parseInt(param.trim());
        } catch (NumberFormatException e) {
            t = 0;
        }
        if (t < 1) {
            throw new IllegalArgumentException("benchmark parameter threads must be a positive integer or '"
                    + ALL + "', got '" + param + "' (e.g. -p threads=1,all)");
        }
        return t;
    }
}
