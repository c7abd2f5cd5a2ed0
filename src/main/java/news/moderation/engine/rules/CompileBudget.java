package news.moderation.engine.rules;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What compiling a pattern will cost, added up from the tokens {@link PatternCompiler} reads, and refused (an
 * {@link IllegalArgumentException} naming the limit) before re2j compiles it. re2j writes a counted repetition out
 * in full: {@code x{1000}} is a thousand copies of {@code x}, so {@code (?:(?:a{1000}){1000}){1000}} is a program of
 * a billion instructions, and its compilation exhausts any heap. The estimate follows re2j: one instruction per
 * literal char, class or assertion, the {@code {list}} expansions at their full length, one more per alternative,
 * group and {@code * + ?}, and the repeated part copied {@code max} times ({@code min + 1} for {@code {min,}}).
 * It counts at least what re2j will build, so staying within the limits bounds re2j's memory and time.
 */
final class CompileBudget {
    /** re2j's own limit for one count; checked here too, so the message names the pattern's real problem. */
    static final int MAX_REPEAT_COUNT = 1000;
    /** Counts of repetitions nested in one another, multiplied ({@code (?:a{10}){20}} is 200). */
    static final int MAX_NESTED_REPEAT_PRODUCT = 1000;
    /** Groups inside groups: re2j simplifies and compiles recursively. */
    static final int MAX_NESTING_DEPTH = 50;
    /** Instructions of the compiled program, {@code {list}} expansions included (the largest shipped: ~3,800). */
    static final long MAX_PROGRAM_SIZE = 20_000;
    /** The pattern as written: re2j takes time quadratic in the length of a run of literal chars. */
    static final int MAX_PATTERN_CHARS = 4096;

    /** One level of parentheses (the whole pattern is the outermost). Sizes in instructions. */
    private static final class Level {
        long finishedAlternatives;
        long sequence;
        /** The size of the last atom or group, which a following repeat copies; 0 when there is none. */
        long last;
        /** The product of the repeat counts inside the last atom or group. */
        long lastRepeatProduct = 1;
        long maxRepeatProduct = 1;
    }

    private final Deque<Level> levels = new ArrayDeque<>();

    /** @param patternLength the length of the pattern as written */
    CompileBudget(int patternLength) {
        if (patternLength > MAX_PATTERN_CHARS) {
            throw refused("it is " + patternLength + " chars long, more than " + MAX_PATTERN_CHARS
                    + " (put long alternatives into a {list})");
        }
        levels.push(new Level());
    }

    /** A literal char, class, escape, assertion, or a {@code {list}} expansion of this many chars. */
    void atom(long size) {
        Level level = levels.peek();
        level.last = size;
        level.lastRepeatProduct = 1;
        level.sequence = checked(level.sequence + size);
    }

    void openGroup() {
        if (levels.size() > MAX_NESTING_DEPTH) {
            throw refused("groups nested more than " + MAX_NESTING_DEPTH + " deep");
        }
        levels.push(new Level());
    }

    /** A ')' (one with no '(' is a literal to re2j, or a syntax error it reports). */
    void closeGroup() {
        if (levels.size() == 1) {
            atom(1);
            return;
        }
        Level group = levels.pop();
        long size = checked(group.finishedAlternatives + group.sequence + 2);
        atom(size);
        Level level = levels.peek();
        level.lastRepeatProduct = group.maxRepeatProduct;
        level.maxRepeatProduct = Math.max(level.maxRepeatProduct, group.maxRepeatProduct);
    }

    void alternative() {
        Level level = levels.peek();
        level.finishedAlternatives = checked(level.finishedAlternatives + level.sequence + 1);
        level.sequence = 0;
        level.last = 0;
        level.lastRepeatProduct = 1;
    }

    /** {@code * + ?} (and a lazy {@code ?} after a repeat): one more instruction, no copy. */
    void repeatOperator() {
        Level level = levels.peek();
        level.sequence = checked(level.sequence + 1);
    }

    /**
     * A counted repeat {@code {n}}, {@code {n,}} or {@code {n,m}} of the last atom or group, given the text between
     * the braces.
     *
     * @return false when the text is not a repeat count (re2j then reads the braces literally)
     */
    boolean repeat(String counts) {
        int comma = counts.indexOf(',');
        String digits = counts.replace(",", "");
        if (counts.isEmpty() || comma == 0 || counts.indexOf(',', comma + 1) >= 0
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false; // not {n}, {n,} or {n,m}
        }
        long min = count(comma < 0 ? counts : counts.substring(0, comma));
        boolean unbounded = comma == counts.length() - 1;
        long max = comma < 0 ? min : unbounded ? min : count(counts.substring(comma + 1));
        Level level = levels.peek();
        long copies = Math.max(1, unbounded ? min + 1 : max);
        long product = level.lastRepeatProduct * Math.max(1, max);
        if (product > MAX_NESTED_REPEAT_PRODUCT) {
            throw refused("nested repeat counts multiply to " + product + ", more than " + MAX_NESTED_REPEAT_PRODUCT);
        }
        long repeated = checked(level.last * copies + copies);
        level.sequence = checked(level.sequence - level.last + repeated);
        level.last = repeated;
        level.lastRepeatProduct = product;
        level.maxRepeatProduct = Math.max(level.maxRepeatProduct, product);
        return true;
    }

    /** The end of the pattern (groups left open are re2j's syntax error to report). */
    void finish() {
        while (levels.size() > 1) {
            closeGroup();
        }
        Level whole = levels.peek();
        checked(whole.finishedAlternatives + whole.sequence);
    }

    private static long count(String digits) {
        if (digits.length() > 9 || Integer.parseInt(digits) > MAX_REPEAT_COUNT) {
            throw refused("repeat count " + digits + " is more than " + MAX_REPEAT_COUNT);
        }
        return Integer.parseInt(digits);
    }

    private static long checked(long size) {
        if (size > MAX_PROGRAM_SIZE) {
            throw refused("it would compile to more than " + MAX_PROGRAM_SIZE
                    + " instructions (counted repeats are written out, {list} expansions count in full)");
        }
        return size;
    }

    private static IllegalArgumentException refused(String limit) {
        return new IllegalArgumentException("pattern over the compile budget: " + limit);
    }
}
