package news.moderation.engine.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a rule's pattern (a regex on the original text) into a re2j {@link Pattern}: refuses java.util.regex-only
 * syntax (look-around, back-references, atomic groups, possessive quantifiers) and expands {@code {list}} into
 * {@code \b(?:entry|entry\w*|...)\b} with the entries as written.
 */
final class PatternCompiler {

    private static final List<String[]> UNSUPPORTED = List.of(
            new String[] {"(?=", "look-ahead"}, new String[] {"(?!", "negative look-ahead"},
            new String[] {"(?<=", "look-behind"}, new String[] {"(?<!", "negative look-behind"},
            new String[] {"(?>", "atomic group"}, new String[] {"\\k<", "named back-reference"},
            new String[] {"*+", "possessive quantifier"}, new String[] {"++", "possessive quantifier"},
            new String[] {"?+", "possessive quantifier"});

    private final String source;
    private final Function<String, List<String>> lists;
    private final StringBuilder out = new StringBuilder();

    private PatternCompiler(String source, Function<String, List<String>> lists) {
        this.source = source;
        this.lists = lists;
    }

    /**
     * @param lists resolves a list name to its entries, or null when the language has no such list
     * @throws IllegalArgumentException naming what is wrong with the pattern
     */
    static Pattern compile(String source, Function<String, List<String>> lists) {
        refuseUnsupported(source);
        PatternCompiler compiler = new PatternCompiler(source, lists);
        compiler.translate();
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
            }
        }
    }

    private void translate() {
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i = copyEscape(i);
            } else if (c == '[') {
                i = copyCharacterClass(i);
            } else if (c == '{') {
                i = listOrQuantifier(i);
            } else if (c == '(') {
                i = copyGroupOpening(i);
            } else {
                i = copy(i, i + 1);
            }
        }
    }

    private int copy(int from, int to) {
        out.append(source, from, to);
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
        int end = RegexFootprint.characterClassEnd(source, i + 1);
        return copy(i, end < 0 ? source.length() : end + 1);
    }

    private int copyGroupOpening(int i) {
        int end = i + 1;
        if (end < source.length() && source.charAt(end) == '?') {
            while (end < source.length() && ":)>".indexOf(source.charAt(end)) < 0) {
                end++;
            }
            end = Math.min(end + 1, source.length());
        }
        return copy(i, end);
    }

    private int listOrQuantifier(int i) {
        int close = source.indexOf('}', i);
        String name = close < 0 ? "" : source.substring(i + 1, close);
        if (!isListName(name)) {
            return copy(i, close < 0 ? i + 1 : close + 1); // a quantifier such as {2,3}
        }
        List<String> list = lists.apply(name);
        if (list == null) {
            throw new IllegalArgumentException("unknown list {" + name + "}");
        }
        out.append(alternation(list));
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
            String word = written.substring(0, written.length() - (prefix ? 1 : 0));
            alternatives.add(Pattern.quote(word) + (prefix ? "\\w*" : ""));
        }
        List<String> longestFirst = new ArrayList<>(alternatives);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        return "\\b(?:" + String.join("|", longestFirst) + ")\\b";
    }
}
