package news.moderation.engine.rules;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Windowed pattern evaluation ({@link PatternRule#findAll(String, int[], int, PatternRule.MatchConsumer)}) must find
 * exactly the matches of a scan of the whole text: at the text's start and end, next to window edges, with
 * surrogate pairs and non-letters around, for bounded patterns and for unbounded filler repetitions.
 */
class WindowedPatternTest {
    private static final Map<String, List<String>> LISTS = Map.of(
            "you_are", List.of("you are", "ur", "you"),
            "filler", List.of("a", "the", "so", "total", "such a"),
            "insult", List.of("idiot", "loser*", "piece of shit", "ho"));

    private static final List<String> PATTERNS = List.of(
            "{you_are} (?:{filler} )*{insult}",
            "\\b(?:you|u) (?:\\w+ ){0,2}{insult}",
            "(?:@\\w+ (?:{filler} )*{insult}\\b|\\b{insult} @\\w+)",
            "{insult}",
            "i wil (?:\\w+ )?kil (?:you|him)",
            "{insult}\\w* (?:{filler} ){0,3}idiot",
            "\\Bho\\w*|{insult}.{0,3}\\bso",
            "so [a-z]+ (?:{filler} )+{insult}",
            "ab (?:\\w+ ){0,3}cdef", // a match can use the whole budget left of its marker ...
            "abcd(?: \\w+){0,3} ef"); // ... or right of it

    private static final String[] TOKENS = {"you", "are", "ur", "a", "the", "so", "total", "such", "idiot", "idiots",
        "loser", "losers", "piece", "of", "shit", "ho", "who", "hos", "@bob", "@x", "i", "wil", "kil", "him", "and",
        "then", "x", "ab", "cdef", "abcd", "ef", "é", "\uD83D\uDE00", "_", "12", "youare", "soo", "ahoy"};
    private static final String[] SEPARATORS = {" ", " ", " ", " ", " ", "  ", ",", ", ", "-", "\n", "\uD83D\uDE00",
        "é", "_", ""};

    private record Compiled(PatternRule rule, List<Set<String>> groups, Set<String> cover) {
    }

    private static Compiled compile(String source) {
        Pattern pattern = PatternCompiler.compile(source, false, LISTS::get);
        RegexFootprint footprint = RegexFootprint.of(pattern.pattern());
        MatchExtent.Extent extent = MatchExtent.of(pattern.pattern());
        List<Set<String>> groups = footprint.requiredStrings();
        int[] required = new int[groups.size()];
        for (int g = 0; g < required.length; g++) {
            required[g] = g;
        }
        int coverGroup = extent.cover().isEmpty() ? -1 : groups.size();
        return new Compiled(new PatternRule(0, pattern, false, -1L, required, footprint, extent.maxNonWordChars(),
                coverGroup), groups, extent.cover());
    }

    /** What the automaton reports: every occurrence, overlapping ones included, of every marker string. */
    private static int[] markerHits(Compiled compiled, String text) {
        List<Integer> hits = new ArrayList<>();
        List<Set<String>> groups = new ArrayList<>(compiled.groups());
        groups.add(compiled.cover());
        for (int g = 0; g < groups.size(); g++) {
            for (String string : groups.get(g)) {
                for (int at = text.indexOf(string); at >= 0; at = text.indexOf(string, at + 1)) {
                    hits.addAll(List.of(g, at, at + string.length()));
                }
            }
        }
        return hits.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<String> full(PatternRule rule, String text) {
        List<String> found = new ArrayList<>();
        rule.findAll(text, (start, end) -> found.add(start + "-" + end));
        return found;
    }

    private static List<String> windowed(Compiled compiled, String text) {
        int[] hits = markerHits(compiled, text);
        List<String> found = new ArrayList<>();
        if (compiled.rule().mayMatch(allSeen(compiled, hits), text)) {
            compiled.rule().findAll(text, hits, hits.length / 3, (start, end) -> found.add(start + "-" + end));
        }
        return found;
    }

    private static java.util.BitSet allSeen(Compiled compiled, int[] hits) {
        java.util.BitSet seen = new java.util.BitSet();
        for (int k = 0; k < hits.length; k += 3) {
            seen.set(hits[k]);
        }
        return seen;
    }

    private static void assertSame(String source, String text) {
        Compiled compiled = compile(source);
        assertEquals(full(compiled.rule(), text), windowed(compiled, text), () -> source + " on \"" + text + "\"");
    }

    @Test
    void everyTestPatternIsWindowed() {
        for (String source : PATTERNS) {
            assertTrue(compile(source).rule().windowed(), source);
        }
    }

    @Test
    void fixturesAtTheStartTheEndAndNextToWindowEdges() {
        List<String> texts = List.of(
                "idiot",
                "you are a idiot",
                "you are a idiot and you are so the total loser and then a piece of shit",
                "ur idiot x x x x x x x x x x x x x x x x x x x x x x x x x x x x x ur so loser",
                "x x x x x x x x x x x x x x you are such a so total idiots x x x x x x x x x x x x x you idiot",
                "@bob idiot and then x x x x x x x x x x x x x x x x idiot @x",
                "who is a ho @bob hos ahoy",
                "i wil kil you",
                "and then i wil surely kil him x x x i wil kil you",
                "you x y loser",
                "you x y z loser you a b loser",
                "\uD83D\uDE00you are a idiot\uD83D\uDE00",
                "é you é idiot é",
                "you_are_a_idiot you are a idiot_",
                "loser the so a idiot x loser a a a a a a a a a a a a a a idiot",
                "so xyz a the so such a idiot and so abc idiot",
                "idiot x so ho so ho x so",
                "ab x y z cdef",
                "x ab x y z cdef x",
                "abcd x y z ef",
                "x abcd x y z ef x");
        for (String source : PATTERNS) {
            for (String text : texts) {
                assertSame(source, text);
            }
        }
    }

    @Test
    void randomTextsGiveTheSameMatchesAsAFullScan() {
        Random random = new Random(20261129L);
        List<Compiled> compiled = PATTERNS.stream().map(WindowedPatternTest::compile).toList();
        int nonEmpty = 0;
        for (int n = 0; n < 4000; n++) {
            StringBuilder text = new StringBuilder();
            int words = 1 + random.nextInt(40);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
                }
                text.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
            String string = text.toString();
            for (int p = 0; p < compiled.size(); p++) {
                List<String> expected = full(compiled.get(p).rule(), string);
                nonEmpty += expected.isEmpty() ? 0 : 1;
                assertEquals(expected, windowed(compiled.get(p), string), PATTERNS.get(p) + " on \"" + string + "\"");
            }
        }
        assertTrue(nonEmpty > 1000, "the random texts should match often: " + nonEmpty);
    }

    @Test
    void windowsStopAtTheFirstNonWordCharBeyondTheBudget() {
        String text = "aa bb cc dd ee";
        assertEquals(3, PatternRule.windowStart(text, null, 6, 1)); // "bb cc": one space allowed, stops at "aa "
        assertEquals(11, PatternRule.windowEnd(text, null, 8, 1));
        assertEquals(0, PatternRule.windowStart(text, null, 6, 5));
        assertEquals(text.length(), PatternRule.windowEnd(text, null, 8, 5));
        boolean[] covered = new boolean[text.length()];
        covered[2] = true; // the space after "aa" is inside a covered string
        assertEquals(0, PatternRule.windowStart(text, covered, 6, 1));
        String emoji = "a \uD83D\uDE00b c"; // a window never starts or ends inside a surrogate pair
        assertEquals(4, PatternRule.windowStart(emoji, null, 4, 0)); // after the pair
        assertEquals(2, PatternRule.windowStart(emoji, null, 4, 1)); // the whole pair, not its second half
        assertEquals(2, PatternRule.windowEnd(emoji, null, 2, 0)); // before the pair
        assertEquals(5, PatternRule.windowEnd(emoji, null, 2, 1)); // the whole pair, not its first half
    }

    @Test
    void boundsOfTheNonWordCharsOfAMatch() {
        assertEquals(2, MatchExtent.maxNonWordChars("you are \\w+"));
        assertEquals(4, MatchExtent.maxNonWordChars("you (?:\\w+ ){0,3}idiot\\w*"));
        assertEquals(MatchExtent.UNBOUNDED, MatchExtent.maxNonWordChars("you (?:\\w+ )*idiot"));
        assertEquals(MatchExtent.UNBOUNDED, MatchExtent.maxNonWordChars("^idiot"));
        assertEquals(MatchExtent.UNBOUNDED, MatchExtent.maxNonWordChars("idiot$"));
        assertEquals(MatchExtent.UNBOUNDED, MatchExtent.maxNonWordChars("\\Aidiot"));
        assertEquals(MatchExtent.UNBOUNDED, MatchExtent.maxNonWordChars("[^x]+"));
        assertEquals(2, MatchExtent.maxNonWordChars("a.b"));
        assertEquals(1, MatchExtent.maxNonWordChars("(?i)k"));
        MatchExtent.Extent filler = MatchExtent.of("you (?:\\b(?:a|so|such a)\\b )*idiot");
        assertEquals(1, filler.maxNonWordChars());
        assertEquals(Set.of("a ", "so ", "such a "), filler.cover());
        assertEquals(MatchExtent.UNBOUNDED, MatchExtent.of("(?i)you (?:a |so )*idiot").maxNonWordChars());
    }
}
