package news.moderation.engine.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.List;

/**
 * Turns a rule's pattern into a re2j {@link Pattern}:
 * <ul>
 *   <li>refuses java.util.regex-only syntax (look-around, back-references, atomic groups, possessive quantifiers);</li>
 *   <li>refuses {@code {list}}: word lists are for phrases, a pattern reads the original text;</li>
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
    private final CompileBudget budget;

    private PatternCompiler(String source) {
        this.source = source;
        this.budget = new CompileBudget(source.length());
    }

    /** @throws IllegalArgumentException naming what is wrong with the pattern */
    static Pattern compile(String source) {
        refuseUnsupported(source);
        PatternCompiler compiler = new PatternCompiler(source);
        compiler.count();
        compiler.budget.finish();
        try {
            return Pattern.compile(source);
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

    /** Reads the pattern token by token into the compile budget. */
    private void count() {
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i = escapeEnd(i);
                budget.atom(1);
            } else if (c == '[') {
                i = characterClassEnd(i);
                budget.atom(1);
            } else if (c == '{') {
                i = quantifierOrList(i);
            } else if (c == '(') {
                i = groupOpeningEnd(i);
            } else {
                switch (c) {
                    case ')' -> budget.closeGroup();
                    case '|' -> budget.alternative();
                    case '*', '+', '?' -> budget.repeatOperator();
                    default -> budget.atom(1);
                }
                i++;
            }
        }
    }

    private int escapeEnd(int i) {
        int end = Math.min(i + 2, source.length());
        if (end < source.length() && "pPx".indexOf(source.charAt(i + 1)) >= 0 && source.charAt(end) == '{') {
            end = source.indexOf('}', end) + 1;
        } else if (end < source.length() && "pP".indexOf(source.charAt(i + 1)) >= 0) {
            end++;
        }
        return end <= i ? source.length() : end;
    }

    private int characterClassEnd(int i) {
        int close = RegexFootprint.characterClassEnd(source, i + 1);
        return close < 0 ? source.length() : close + 1;
    }

    private int groupOpeningEnd(int i) {
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
        return end;
    }

    private int quantifierOrList(int i) {
        int close = source.indexOf('}', i);
        String name = close < 0 ? "" : source.substring(i + 1, close);
        if (isListName(name)) {
            throw RegexFootprint.listInPattern(name);
        }
        int end = close < 0 ? i + 1 : close + 1;
        if (!budget.repeat(name)) {
            budget.atom(end - i); // not a repeat count: re2j reads the braces as literal chars
        }
        return end;
    }

    private static boolean isListName(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        return name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_'));
    }
}
