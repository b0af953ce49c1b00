package dev.noether.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Einstein summation, {@code einsum("bix,iox->box", x, w)}: every letter is an axis; letters of
 * the output (after {@code ->}) are kept in that order, all others are summed over. Without
 * {@code ->} the output is the letters that occur once, in alphabetical order (numpy's rule).
 *
 * <p>A repeated letter within one operand takes a diagonal ({@code "ii->i"}); a letter in every
 * operand and in the output is a batch axis; a letter shared by two operands but absent from the
 * output is contracted. Two-operand contractions become one batched {@link Tensor#matmul} after
 * permuting and reshaping the operands to {@code [batch, free, contracted]} and
 * {@code [batch, contracted, free]}; three or more operands contract pairwise from the left.
 * Dimensions named by the same letter must be equal (no broadcasting of length-1 axes) and the
 * ellipsis {@code ...} is not supported: both fail with a message.
 */
public final class Einsum {
    private Einsum() {}

    /** Evaluates {@code spec} on the operands. */
    public static Tensor evaluate(String spec, Tensor... operands) {
        String s = spec.replace(" ", "");
        if (s.contains(".")) {
            throw new IllegalArgumentException("einsum: the ellipsis '...' is not supported in \"" + spec
                    + "\"; name every axis with a letter");
        }
        String lhs = s, out;
        int arrow = s.indexOf("->");
        if (arrow >= 0) {
            lhs = s.substring(0, arrow);
            out = s.substring(arrow + 2);
        } else {
            out = null;
        }
        String[] ins = lhs.split(",", -1);
        if (ins.length != operands.length) {
            throw new IllegalArgumentException("einsum: \"" + spec + "\" names " + ins.length + " operands, got "
                    + operands.length);
        }
        Map<Character, Integer> sizes = new LinkedHashMap<>();
        Map<Character, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < ins.length; i++) {
            String t = ins[i];
            if (t.length() != operands[i].rank()) {
                throw new IllegalArgumentException("einsum: operand " + i + " has shape " + Shapes.str(operands[i].shape())
                        + " but \"" + t + "\" names " + t.length() + " axes");
            }
            for (int j = 0; j < t.length(); j++) {
                char c = t.charAt(j);
                if (!Character.isLetter(c)) throw new IllegalArgumentException("einsum: '" + c + "' in \"" + spec + "\" is not a letter");
                int d = operands[i].size(j);
                Integer prev = sizes.putIfAbsent(c, d);
                if (prev != null && prev != d) {
                    throw new IllegalArgumentException("einsum: letter '" + c + "' has length " + prev + " and " + d
                            + " in \"" + spec + "\" (operand shapes " + shapesOf(operands) + ")");
                }
                counts.merge(c, 1, Integer::sum);
            }
        }
        if (out == null) {
            StringBuilder sb = new StringBuilder();
            counts.entrySet().stream().filter(e -> e.getValue() == 1).map(Map.Entry::getKey).sorted()
                    .forEach(sb::append);
            out = sb.toString();
        }
        for (char c : out.toCharArray()) {
            if (!sizes.containsKey(c)) {
                throw new IllegalArgumentException("einsum: output letter '" + c + "' of \"" + spec + "\" is in no operand");
            }
            if (out.indexOf(c) != out.lastIndexOf(c)) {
                throw new IllegalArgumentException("einsum: output letter '" + c + "' repeated in \"" + spec + "\"");
            }
        }
        // contract pairwise from the left, keeping the letters still needed later
        Tensor acc = operands[0];
        String accIdx = ins[0];
        for (int i = 1; i < operands.length; i++) {
            StringBuilder needed = new StringBuilder(out);
            for (int j = i + 1; j < ins.length; j++) needed.append(ins[j]);
            String keep = needed.toString();
            StringBuilder pairOut = new StringBuilder();
            for (char c : (accIdx + ins[i]).toCharArray()) {
                if (keep.indexOf(c) >= 0 && pairOut.indexOf(String.valueOf(c)) < 0) pairOut.append(c);
            }
            acc = pair(acc, accIdx, operands[i], ins[i], pairOut.toString());
            accIdx = pairOut.toString();
        }
        return single(acc, accIdx, out);
    }

    private static String shapesOf(Tensor[] ts) {
        List<String> l = new ArrayList<>();
        for (Tensor t : ts) l.add(Shapes.str(t.shape()));
        return l.toString();
    }

    /** Takes diagonals of repeated letters; returns the view and its (now distinct) letters. */
    private static Object[] diagonal(Tensor x, String idx) {
        StringBuilder letters = new StringBuilder();
        List<Integer> shape = new ArrayList<>(), strides = new ArrayList<>();
        int[] sh = x.shape(), st = x.strides();
        for (int j = 0; j < idx.length(); j++) {
            char c = idx.charAt(j);
            int at = letters.indexOf(String.valueOf(c));
            if (at >= 0) {
                strides.set(at, strides.get(at) + st[j]);
            } else {
                letters.append(c);
                shape.add(sh[j]);
                strides.add(st[j]);
            }
        }
        if (letters.length() == idx.length()) return new Object[] {x, idx};
        Tensor v = x.asStrided(shape.stream().mapToInt(Integer::intValue).toArray(),
                strides.stream().mapToInt(Integer::intValue).toArray(), x.offset());
        return new Object[] {v, letters.toString()};
    }

    /** One operand: diagonal, sum over letters not in {@code out}, permute to {@code out}. */
    private static Tensor single(Tensor x, String idx, String out) {
        Object[] d = diagonal(x, idx);
        Tensor t = (Tensor) d[0];
        String letters = (String) d[1];
        List<Integer> sumAxes = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        for (int j = 0; j < letters.length(); j++) {
            if (out.indexOf(letters.charAt(j)) < 0) sumAxes.add(j);
            else rest.append(letters.charAt(j));
        }
        if (!sumAxes.isEmpty()) t = t.sum(sumAxes.stream().mapToInt(Integer::intValue).toArray());
        int[] order = new int[out.length()];
        for (int j = 0; j < out.length(); j++) order[j] = rest.indexOf(String.valueOf(out.charAt(j)));
        boolean identity = true;
        for (int j = 0; j < order.length; j++) identity &= order[j] == j;
        return identity ? t : t.permute(order);
    }

    private static Tensor pair(Tensor a, String ia, Tensor b, String ib, String out) {
        // letters of one operand only and not wanted: sum them away first
        StringBuilder keepA = new StringBuilder(), keepB = new StringBuilder();
        Object[] da = diagonal(a, ia), db = diagonal(b, ib);
        a = (Tensor) da[0];
        ia = (String) da[1];
        b = (Tensor) db[0];
        ib = (String) db[1];
        for (char c : ia.toCharArray()) if (out.indexOf(c) >= 0 || ib.indexOf(c) >= 0) keepA.append(c);
        for (char c : ib.toCharArray()) if (out.indexOf(c) >= 0 || ia.indexOf(c) >= 0) keepB.append(c);
        a = single(a, ia, keepA.toString());
        b = single(b, ib, keepB.toString());
        ia = keepA.toString();
        ib = keepB.toString();
        StringBuilder batch = new StringBuilder(), contr = new StringBuilder(), freeA = new StringBuilder(), freeB = new StringBuilder();
        for (char c : ia.toCharArray()) {
            boolean inB = ib.indexOf(c) >= 0, inOut = out.indexOf(c) >= 0;
            if (inB && inOut) batch.append(c);
            else if (inB) contr.append(c);
            else freeA.append(c);
        }
        for (char c : ib.toCharArray()) if (ia.indexOf(c) < 0) freeB.append(c);
        Tensor pa = a.permute(positions(ia, batch + "" + freeA + contr));
        Tensor pb = b.permute(positions(ib, batch + "" + contr + freeB));
        int nb = prod(pa.shape(), 0, batch.length());
        int na = prod(pa.shape(), batch.length(), batch.length() + freeA.length());
        int nc = prod(pa.shape(), batch.length() + freeA.length(), ia.length());
        int nf = prod(pb.shape(), batch.length() + contr.length(), ib.length());
        Tensor r = pa.reshape(nb, na, nc).matmul(pb.reshape(nb, nc, nf));
        int[] rs = new int[batch.length() + freeA.length() + freeB.length()];
        int k = 0;
        for (int j = 0; j < batch.length() + freeA.length(); j++) rs[k++] = pa.shape()[j];
        for (int j = batch.length() + contr.length(); j < ib.length(); j++) rs[k++] = pb.shape()[j];
        r = r.reshape(rs);
        String have = batch + "" + freeA + freeB;
        return r.permute(positions(have, out)).contiguous();
    }

    private static int[] positions(String from, String to) {
        int[] p = new int[to.length()];
        for (int j = 0; j < to.length(); j++) p[j] = from.indexOf(to.charAt(j));
        return p;
    }

    private static int prod(int[] s, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) p *= s[i];
        return p;
    }
}
