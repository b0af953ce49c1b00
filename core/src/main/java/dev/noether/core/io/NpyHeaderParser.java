package dev.noether.core.io;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parser for the NPY header, a Python dict literal such as
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }}, for exactly this grammar
 * (whitespace = space, tab, CR, LF; no comments, escapes or expressions):
 *
 * <pre>
 * header := ws '{' ws [ item ( ws ',' ws item )* ws [','] ] ws '}' ws
 * item   := string ws ':' ws value
 * value  := string | 'True' | 'False' | int | tuple | list
 * tuple  := '(' ws ')' | '(' ws value ws ',' ws ')' | '(' ws value ( ws ',' ws value )+ ws [','] ws ')'
 * list   := '[' ws [ value ( ws ',' ws value )* ws [','] ] ws ']'
 * int    := ['-'] digit+ ['L']           (the 'L' suffix of headers written by Python 2)
 * string := "'" char* "'" | '"' char* '"'   (no backslash, no line break)
 * </pre>
 *
 * Lists only appear in structured dtypes, which the reader then rejects by name. Duplicate keys
 * are errors. Nesting is limited to {@value #MAX_DEPTH} levels so no input can overflow the
 * stack. Every error names the byte offset in the file.
 */
final class NpyHeaderParser {
    static final int MAX_DEPTH = 16;
    /** Longest integer literal accepted; far beyond any array dimension, yet cheap to parse. */
    static final int MAX_DIGITS = 40;

    /** A Python tuple. */
    record PyTuple(List<Object> items) {}

    /** A Python list. */
    record PyList(List<Object> items) {}

    /** A dict value and the character index where it starts, for error messages. */
    record Item(Object value, int at) {}

    private final String text;
    private final String source;
    private final long headerStart;
    private final boolean utf8;
    private int pos;

    private NpyHeaderParser(String text, String source, long headerStart, boolean utf8) {
        this.text = text;
        this.source = source;
        this.headerStart = headerStart;
        this.utf8 = utf8;
    }

    /**
     * Parses a header dict.
     *
     * @param text        the decoded header text
     * @param source      file (and entry) name for messages
     * @param headerStart byte offset of the header text in the file
     * @param utf8        whether the text was UTF-8 (format 3.0) rather than Latin-1, for offsets
     * @return the items in file order
     */
    static Map<String, Item> parse(String text, String source, long headerStart, boolean utf8)
            throws NpyFormatException {
        return new NpyHeaderParser(text, source, headerStart, utf8).dict();
    }

    /** Byte offset in the file of character index {@code at} of the header text. */
    long byteOffset(int at) {
        return byteOffset(text, headerStart, utf8, at);
    }

    static long byteOffset(String text, long headerStart, boolean utf8, int at) {
        int clamped = Math.min(Math.max(at, 0), text.length());
        return headerStart + (utf8 ? text.substring(0, clamped).getBytes(StandardCharsets.UTF_8).length
                : clamped);
    }

    private NpyFormatException error(int at, String what) {
        return new NpyFormatException(source, byteOffset(at), "header " + what + " in "
                + quoteHeader(text));
    }

    /** The header text for messages: Python-style quoted, trailing padding cut, long text cut. */
    static String quoteHeader(String text) {
        String t = text.stripTrailing();
        if (t.length() > 200) t = t.substring(0, 200) + "...";
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n') b.append("\\n");
            else if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    private Map<String, Item> dict() throws NpyFormatException {
        skipWhitespace();
        expect('{');
        Map<String, Item> items = new LinkedHashMap<>();
        skipWhitespace();
        while (peek() != '}') {
            int keyAt = pos;
            if (peek() != '\'' && peek() != '"') throw error(pos, "expected a quoted key or '}' but found " + found());
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            int valueAt = pos;
            Object value = value(1);
            if (items.containsKey(key)) throw error(keyAt, "has the key '" + key + "' twice");
            items.put(key, new Item(value, valueAt));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
                skipWhitespace();
            } else if (peek() != '}') {
                throw error(pos, "expected ',' or '}' after the value of '" + key + "' but found " + found());
            }
        }
        pos++;
        skipWhitespace();
        if (pos != text.length()) throw error(pos, "has " + found() + " after the closing '}'");
        return items;
    }

    private Object value(int depth) throws NpyFormatException {
        if (depth > MAX_DEPTH) throw error(pos, "nests deeper than " + MAX_DEPTH + " levels");
        char c = peek();
        if (c == '\'' || c == '"') return string();
        if (c == '(') return new PyTuple(sequence('(', ')', depth));
        if (c == '[') return new PyList(sequence('[', ']', depth));
        if (c == '-' || (c >= '0' && c <= '9')) return integer();
        if (text.startsWith("True", pos) && !identifierCharAt(pos + 4)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("False", pos) && !identifierCharAt(pos + 5)) {
            pos += 5;
            return Boolean.FALSE;
        }
        throw error(pos, "expected a string, True, False, an integer, a tuple or a list but found " + found());
    }

    private List<Object> sequence(char open, char close, int depth) throws NpyFormatException {
        int start = pos;
        expect(open);
        List<Object> items = new ArrayList<>();
        boolean trailingComma = false;
        skipWhitespace();
        while (peek() != close) {
            items.add(value(depth + 1));
            skipWhitespace();
            trailingComma = false;
            if (peek() == ',') {
                pos++;
                trailingComma = true;
                skipWhitespace();
            } else if (peek() != close) {
                throw error(pos, "expected ',' or '" + close + "' but found " + found());
            }
        }
        pos++;
        // "(3)" is the integer 3 in Python, not a tuple
        if (open == '(' && items.size() == 1 && !trailingComma) {
            throw error(start, "has a parenthesised value without a comma: a one-element tuple is written (n,)");
        }
        return items;
    }

    private BigInteger integer() throws NpyFormatException {
        int start = pos;
        if (peek() == '-') pos++;
        int digits = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') pos++;
        if (pos == digits) throw error(start, "has '-' without digits");
        if (pos - digits > MAX_DIGITS) {
            throw error(start, "has an integer of " + (pos - digits) + " digits (at most " + MAX_DIGITS + " accepted)");
        }
        BigInteger v = new BigInteger(text.substring(start, pos));
        if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) pos++;
        if (identifierCharAt(pos)) throw error(pos, "has an integer followed by " + found());
        return v;
    }

    private String string() throws NpyFormatException {
        int start = pos;
        char quote = text.charAt(pos++);
        int from = pos;
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos);
            if (c == '\\') throw error(pos, "has a backslash escape in a string, which NPY headers never contain");
            if (c == '\n' || c == '\r') throw error(start, "has an unterminated string");
            pos++;
        }
        if (pos == text.length()) throw error(start, "has an unterminated string");
        return text.substring(from, pos++);
    }

    private boolean identifierCharAt(int i) {
        return i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_');
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    private char peek() throws NpyFormatException {
        if (pos >= text.length()) throw error(pos, "ends before the dict is closed");
        return text.charAt(pos);
    }

    private void expect(char c) throws NpyFormatException {
        if (peek() != c) throw error(pos, "expected '" + c + "' but found " + found());
        pos++;
    }

    private String found() {
        if (pos >= text.length()) return "the end of the header";
        int cp = text.codePointAt(pos);
        return cp < 0x20 || cp == 0x7f ? String.format("byte 0x%02x", cp) : "'" + new String(Character.toChars(cp)) + "'";
    }

    /** Python-style text of a parsed value, for messages. */
    static String repr(Object v) {
        if (v instanceof String s) return "'" + s + "'";
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof PyTuple t) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < t.items().size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(repr(t.items().get(i)));
            }
            return sb.append(t.items().size() == 1 ? ",)" : ")").toString();
        }
        if (v instanceof PyList l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.items().size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(repr(l.items().get(i)));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }
}
