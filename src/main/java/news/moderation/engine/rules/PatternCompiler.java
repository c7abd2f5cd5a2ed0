package news.moderation.engine.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import news.moderation.engine.match.Term;
import news.moderation.engine.normalize.Normalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a rule's pattern into a re2j {@link Pattern}:
 * <ul>
 *   <li>refuses java.util.regex-only syntax (look-around, back-references, atomic groups, possessive quantifiers);</li>
 *   <li>expands {@code {list}} into {@code \b(?:entry|entry\w*|...)\b};</li>
 *   <li>for {@code on: normalized}, writes literal letters the way the normaliser writes text: lower case, without
 *       accents, doubled letters collapsed ("kill" becomes "kil"), apostrophes dropped, so authors can write
 *       plain words;</li>
 *   <li>refuses, before re2j sees it, a pattern whose compiled program would be too big ({@link CompileBudget}):
 *       re2j expands counted repetitions, so {@code (?:(?:a{1000}){1000}){1000}} would take gigabytes.</li>
 * </ul>
 */
final class PatternCompiler {


    private static final List<String[]> UNSUPPORTED = List.of(
            new String[] {"(?=", "look-ahead"}, new String[] {"(?!", "negative look-ahead"},
            new String[] {"(?<=", "look-behind"}, new String[] {"(?<!", "negative look-behind"},
            new String[] {"(?>", "atomic group"}, new String[] {"\\k<", "named back-reference"},
            new String[] {"*+", "possessive quantifier"}, new String[] {"++", "possessive quantifier"},
            new String[] {"?+", "possessive quantifier"});

    private final String source;
    private final boolean onOriginal;
    private final Function<String, List<String>> lists;
    private final StringBuilder out = new StringBuilder();
    private final CompileBudget budget;
    private char previousLetter;

    private PatternCompiler(String source, boolean onOriginal, Function<String, List<String>> lists) {
        this.source = source;
        this.onOriginal = onOriginal;
        this.lists = lists;
        this.budget = new CompileBudget(source.length());
    }

    /**
     * @param lists resolves a list name to its entries, or null when the language has no such list
     * @throws IllegalArgumentException naming what is wrong with the pattern
     */
    static Pattern compile(String source, boolean onOriginal, Function<String, List<String>> lists) {
        refuseUnsupported(source);
        PatternCompiler compiler = new PatternCompiler(source, onOriginal, lists);
        compiler.translate();
        compiler.budget.finish();
        try {
            return Pattern.compile(compiler.out.toString());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid re2j pattern: " + e.getMessage());
        }
    }

    private static void refuseUnsupported(String source) {
        for (String[] construct : UNSUPPORTED) {
            if (source.contains(construct[0])) {
                throw new IllegalArgumentException("pattern uses a " + construct[1] + " (\"" + construct[0]
                        + "\"), which re2j does not support: only linear-time regex syntax is allowed");
            }
        }
        for (int i = 0; i + 1 < source.length(); i++) {
            if (source.charAt(i) == '\\') {
                i++;
                if (source.charAt(i) >= '1' && source.charAt(i) <= '9') {
                    throw new IllegalArgumentException("pattern uses a back-reference (\\" + source.charAt(i)
                            + "), which re2j does not support: only linear-time regex syntax is allowed");
                }
                if (source.charAt(i) == 'Q') { // its text would hide parentheses and counts from the compile budget
                    throw new IllegalArgumentException("pattern uses \\Q...\\E quoting, which is not supported: "
                            + "escape each special character with a backslash");
                }
            }
        }
    }

    private void translate() {
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i = copyEscape(i);
                budget.atom(1);
            } else if (c == '[') {
                i = copyCharacterClass(i);
                budget.atom(1);
            } else if (c == '{') {
                i = listOrQuantifier(i);
            } else if (c == '(') {
                i = copyGroupOpening(i);
            } else if (Character.isLetter(c) && !onOriginal) {
                literalLetter(c, i);
                budget.atom(1);
                i++;
            } else if ((c == '\'' || c == '\u2019') && !onOriginal) {
                i++; // the normalised text has no apostrophes: "i'll" is "ill" there
            } else {
                switch (c) {
                    case ')' -> budget.closeGroup();
                    case '|' -> budget.alternative();
                    case '*', '+', '?' -> budget.repeatOperator();
                    default -> budget.atom(1);
                }
                i = copy(i, i + 1);
            }
        }
    }

    private int copy(int from, int to) {
        out.append(source, from, to);
        previousLetter = 0;
        return to;
    }

    private int copyEscape(int i) {
        int end = Math.min(i + 2, source.length());
        if (end < source.length() && "pPx".indexOf(source.charAt(i + 1)) >= 0 && source.charAt(end) == '{') {
            end = source.indexOf('}', end) + 1;
        } else if (end < source.length() && "pP".indexOf(source.charAt(i + 1)) >= 0) {
            end++;
        }
        end = end <= i ? source.length() : end;
        return copy(i, end);
    }

    private int copyCharacterClass(int i) {
        int j = i + 1;
        if (j < source.length() && source.charAt(j) == '^') {
            j++;
        }
        if (j < source.length() && source.charAt(j) == ']') {
            j++;
        }
        while (j < source.length() && source.charAt(j) != ']') {
            int posixClassEnd = source.startsWith("[:", j) ? source.indexOf(":]", j + 2) : -1;
            j = posixClassEnd >= 0 ? posixClassEnd + 2 : j + (source.charAt(j) == '\\' ? 2 : 1); // [[:alpha:]]
        }
        return copy(i, Math.min(j + 1, source.length()));
    }

    private int copyGroupOpening(int i) {
        int end = i + 1;
        if (end < source.length() && source.charAt(end) == '?') {
            while (end < source.length() && ":)>".indexOf(source.charAt(end)) < 0) {
                end++;
            }
            end = Math.min(end + 1, source.length());
        }
        if (source.charAt(end - 1) != ')') { // not a flag group such as (?i)
            budget.openGroup();
        }
        return copy(i, end);
    }

    private int listOrQuantifier(int i) {
        int close = source.indexOf('}', i);
        String name = close < 0 ? "" : source.substring(i + 1, close);
        if (!isListName(name)) {
            int end = close < 0 ? i + 1 : close + 1;
            if (!budget.repeat(name)) {
                budget.atom(end - i); // not a repeat count: re2j reads the braces as literal chars
            }
            return copy(i, end);
        }
        List<String> list = lists.apply(name);
        if (list == null) {
            throw new IllegalArgumentException("unknown list {" + name + "}");
        }
        String expansion = alternation(list);
        budget.atom(expansion.length());
        out.append(expansion);
        previousLetter = 0;
        return close + 1;
    }

    private static boolean isListName(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        return name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_'));
    }

    private String alternation(List<String> list) {
        Set<String> alternatives = new LinkedHashSet<>();
        for (String entry : list) {
            String written = entry.strip();
            boolean prefix = written.endsWith("*");
            String word = onOriginal ? written.substring(0, written.length() - (prefix ? 1 : 0)) : Term.parse(entry).key();
            alternatives.add(Pattern.quote(word) + (prefix ? "\\w*" : ""));
        }
        List<String> longestFirst = new ArrayList<>(alternatives);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        return "\\b(?:" + String.join("|", longestFirst) + ")\\b";
    }

    private void literalLetter(char c, int i) {
        String folded = Normalizer.normalize(String.valueOf(c)).text();
        boolean quantified = i + 1 < source.length() && "?*+{".indexOf(source.charAt(i + 1)) >= 0;
        for (char letter : (folded.isEmpty() ? String.valueOf(c) : folded).toCharArray()) {
            if (letter == previousLetter && !quantified) {
                continue; // the normalised text collapses "ll" into "l"
            }
            out.append(letter);
            previousLetter = quantified ? 0 : letter;
        }
    }
}
