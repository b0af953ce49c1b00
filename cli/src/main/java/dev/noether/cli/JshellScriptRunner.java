package dev.noether.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Runs a jshell script ({@code .jsh}) and turns its outcome into an exit status, which the
 * jshell tool itself does not: {@code jshell FILE} exits 0 after a compile error or an
 * exception.
 *
 * <p>The script is read line by line and split into snippets as the jshell tool splits its
 * input ({@link SourceCodeAnalysis#analyzeCompletion}: a line that completes a snippet ends it,
 * with or without a {@code ;}), and evaluated in this JVM (jshell's
 * {@code local} execution engine), so the class path and {@code --add-modules} of the running
 * JVM apply and {@code System.exit(n)} ends the process with status {@code n}. The script sees
 * the imports of {@link ShellImports}. Outcome, like {@code bash -e}:
 * <ul>
 *   <li>end of file reached with every snippet accepted and none throwing: status 0;</li>
 *   <li>{@code /exit} or {@code /exit N} ({@code N} any int expression, as in jshell): status N;</li>
 *   <li>the first snippet that fails to compile, throws, or uses an undeclared definition stops
 *       the script with status 1, after a message {@code FILE:LINE: ...} on standard error;</li>
 *   <li>{@code /open FILE} runs another script in the same session; every other jshell
 *       {@code /command} is interactive only and stops the script with status 1.</li>
 * </ul>
 * Values of expressions are not echoed (jshell's {@code -s} feedback): a script prints what it
 * prints.
 */
public final class JshellScriptRunner implements AutoCloseable {
    /** Exit status of a script that failed to compile or threw. */
    public static final int FAILURE = 1;

    private record Origin(Path file, String text, int start) {}

    private final JShell shell;
    private final PrintStream err;
    private final Map<String, Origin> origins = new HashMap<>();

    /**
     * A fresh session in this JVM: {@code classPath} for compilation, {@code imports} evaluated
     * first, {@code extraCompilerOptions} passed to javac (e.g. {@code --add-modules ...}).
     */
    public JshellScriptRunner(String classPath, List<String> imports, List<String> extraCompilerOptions,
                              PrintStream out, PrintStream err) {
        this.err = err;
        this.shell = JShell.builder()
                .executionEngine("local")
                .out(out)
                .err(err)
                .compilerOptions(extraCompilerOptions.toArray(String[]::new))
                .build();
        shell.addToClasspath(classPath);
        for (String imp : imports) {
            for (SnippetEvent e : shell.eval(imp)) {
                if (e.causeSnippet() == null && e.status() == Snippet.Status.REJECTED) {
                    throw new IllegalStateException("noether shell: startup import failed: " + imp + ": "
                            + shell.diagnostics(e.snippet()).map(d -> d.getMessage(Locale.ROOT))
                                    .collect(Collectors.joining("; ")));
                }
            }
        }
    }

    /** Runs {@code script} and returns its exit status (see the class comment). */
    public int run(Path script) {
        OptionalInt stop = runFile(script);
        return stop.orElse(0);
    }

    /** Empty: the file ran to its end; present: the script must stop with this status. */
    private OptionalInt runFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("noether shell: cannot read script " + file + ": " + e);
            return OptionalInt.of(FAILURE);
        }
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        // Line by line, as the jshell tool reads input: a line may end a snippet without a ';'
        // ("var x = f()" then a new line), which a parse of the whole rest would not allow.
        String pending = "";
        int pendingStart = 0;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int eol = text.indexOf('\n', lineStart);
            int next = eol < 0 ? text.length() : eol + 1;
            String line = text.substring(lineStart, next);
            String trimmed = line.strip();
            if (pending.isBlank() && trimmed.startsWith("/") && !trimmed.startsWith("//") && !trimmed.startsWith("/*")) {
                OptionalInt stop = command(file, text, lineStart + line.indexOf('/'), trimmed);
                if (stop.isPresent()) return stop;
                pending = "";
                lineStart = next;
                continue;
            }
            if (pending.isBlank()) {
                pending = "";
                pendingStart = lineStart;
            }
            pending += line;
            lineStart = next;
            while (!pending.isBlank()) {
                CompletionInfo info = analysis.analyzeCompletion(pending);
                SourceCodeAnalysis.Completeness c = info.completeness();
                if (c == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                        || c == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE) {
                    break; // read the next line
                }
                int consumed = pending.length() - info.remaining().length();
                if (consumed <= 0) break; // no progress: wait for more input
                if (c != SourceCodeAnalysis.Completeness.EMPTY
                        && !evaluate(file, text, pendingStart, info.source())) {
                    return OptionalInt.of(FAILURE);
                }
                pending = info.remaining();
                pendingStart += consumed;
            }
        }
        if (!pending.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(pending);
            if (info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE) {
                err.println(where(file, text, pendingStart + leadingSpace(pending)) + ": error: incomplete snippet at end of file"
                        + " (a missing ';', ')' or '}'?)");
                return OptionalInt.of(FAILURE);
            }
            // CONSIDERED_INCOMPLETE: jshell would wait for more input; at the end of a file, evaluate it
            if (!evaluate(file, text, pendingStart, pending)) return OptionalInt.of(FAILURE);
        }
        return OptionalInt.empty();
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    private OptionalInt command(Path file, String text, int pos, String line) {
        String[] parts = line.split("\\s+", 2);
        String name = parts[0];
        String arg = parts.length > 1 ? parts[1].trim() : "";
        if (name.equals("/exit") || name.equals("/ex")) {
            if (arg.isEmpty()) return OptionalInt.of(0);
            Integer code = intValue(file, text, pos, arg);
            return OptionalInt.of(code == null ? FAILURE : code);
        }
        if (name.equals("/open") && !arg.isEmpty()) {
            return runFile(Path.of(arg));
        }
        err.println(where(file, text, pos) + ": error: " + line + " is an interactive jshell command;"
                + " a script run by 'noether shell FILE' supports /exit [status] and /open FILE");
        return OptionalInt.of(FAILURE);
    }

    /** The int value of the expression {@code expr} (the argument of /exit), or null after reporting why not. */
    private Integer intValue(Path file, String text, int pos, String expr) {
        int at = text.indexOf(expr, pos);
        List<SnippetEvent> events = shell.eval(expr);
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) continue;
            if (!report(file, text, at, e)) return null;
            try {
                return Integer.parseInt(e.value().trim());
            } catch (NumberFormatException | NullPointerException ex) {
                err.println(where(file, text, pos) + ": error: /exit needs an int status, got '" + e.value() + "'");
                return null;
            }
        }
        err.println(where(file, text, pos) + ": error: /exit needs an int status, got '" + expr + "'");
        return null;
    }

    /** Evaluates one snippet that starts at {@code text[start]}; false (after a message) if it failed. */
    private boolean evaluate(Path file, String text, int start, String source) {
        int lead = leadingSpace(source);
        start += lead;
        for (SnippetEvent e : shell.eval(source.substring(lead))) {
            if (e.causeSnippet() != null) continue; // updates of dependent snippets
            origins.put(e.snippet().id(), new Origin(file, text, start));
            if (!report(file, text, start, e)) return false;
        }
        return true;
    }

    private boolean report(Path file, String text, int start, SnippetEvent e) {
        if (e.status() == Snippet.Status.REJECTED) {
            List<Diag> errors = shell.diagnostics(e.snippet()).filter(Diag::isError).collect(Collectors.toList());
            if (errors.isEmpty()) {
                err.println(where(file, text, start) + ": error: snippet rejected by jshell: " + e.snippet().source().strip());
            }
            for (Diag d : errors) {
                int at = (int) Math.min(text.length(), start + Math.max(0, d.getStartPosition()));
                err.println(where(file, text, at) + ": error: " + d.getMessage(Locale.ROOT));
                printSourceLine(text, at);
            }
            return false;
        }
        if (e.exception() instanceof UnresolvedReferenceException u) {
            DeclarationSnippet s = u.getSnippet();
            err.println(where(file, text, start) + ": error: " + s.kind().toString().toLowerCase(Locale.ROOT)
                    + " '" + s.name() + "' uses " + shell.unresolvedDependencies(s).collect(Collectors.joining(", "))
                    + ", which is not declared");
            return false;
        }
        if (e.exception() != null) {
            err.println(where(file, text, start) + ": exception " + describe(e.exception()));
            printTrace(e.exception());
            return false;
        }
        return true;
    }

    private static String describe(Throwable t) {
        String cls = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
        return t.getMessage() == null ? cls : cls + ": " + t.getMessage();
    }

    private void printTrace(Throwable t) {
        for (StackTraceElement f : t.getStackTrace()) {
            String c = f.getClassName();
            if (c.startsWith("jdk.jshell.") || c.startsWith("java.lang.reflect.") || c.startsWith("jdk.internal.reflect.")) break;
            String fileName = f.getFileName();
            Origin o = fileName != null && fileName.startsWith("#") ? origins.get(fileName.substring(1)) : null;
            if (o != null) {
                int line = lineOf(o.text(), o.start()) + Math.max(0, f.getLineNumber() - 1);
                String method = c.isEmpty() || c.startsWith("REPL.") ? f.getMethodName() : c + "." + f.getMethodName();
                err.println("\tat " + method + "(" + o.file() + ":" + line + ")");
            } else {
                err.println("\tat " + f);
            }
        }
        if (t.getCause() != null && t.getCause() != t) {
            err.println("Caused by: " + describe(t.getCause()));
            printTrace(t.getCause());
        }
    }

    private void printSourceLine(String text, int at) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        if (at < text.length() && text.charAt(at) == '\n' && at == lineStart) lineStart = at;
        int lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd < 0) lineEnd = text.length();
        String line = text.substring(lineStart, lineEnd);
        StringBuilder caret = new StringBuilder("    ");
        for (int i = lineStart; i < at && i < lineEnd; i++) caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
        err.println("    " + line);
        err.println(caret.append('^'));
    }

    private static String where(Path file, String text, int offset) {
        return file + ":" + lineOf(text, offset);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    @Override
    public void close() {
        shell.close();
    }
}
