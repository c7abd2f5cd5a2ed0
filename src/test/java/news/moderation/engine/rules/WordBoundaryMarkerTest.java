package news.moderation.engine.rules;

import com.google.re2j.Pattern;
import news.moderation.engine.match.Term;
import news.moderation.engine.match.TermEntry;
import news.moderation.engine.match.TermEntry.Role;
import news.moderation.engine.match.TermHits;
import news.moderation.engine.match.TermIndex;
import news.moderation.engine.normalize.NormalizedText;
import news.moderation.engine.normalize.Normalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A marker that comes from a {@code {list}} (written {@code \b(?:...)\b}) only counts where the automaton's hit sits
 * at the word boundaries the regex asserts: "ho" inside "who" does not open the gate, "ho" as a word does, and the
 * matches found through the gate and the windows equal those of a scan of the whole text.
 */
class WordBoundaryMarkerTest {
    private static final Map<String, List<String>> LISTS = Map.of(
            "filler", List.of("a", "the", "so", "such a"),
            "insult", List.of("idiot", "loser*", "piece of shit", "ho", "rat"),
            "you", List.of("you", "ur", "youre"));

    private static final List<String> PATTERNS = List.of(
            "(?:@\\w+ (?:{filler} )*{insult}\\b|\\b{insult} @\\w+)",
            "{you} (?:\\w+ ){0,2}{insult}",
            "{insult}",
            "x{insult}|{insult}y",
            "{you}\\w* {insult}");

    private static final String[] TOKENS = {"you", "youre", "your", "ur", "urge", "a", "the", "so", "such", "idiot",
        "idiots", "loser", "losers", "piece", "of", "shit", "ho", "who", "hos", "ahoy", "rat", "rather", "pirate",
        "@bob", "@x", "x", "y", "xho", "hoy", "é", "\uD83D\uDE00", "12", "_"};
    private static final String[] SEPARATORS = {" ", " ", " ", " ", "  ", ",", ", ", "-", "\n", "é", "_", ""};

    /** A pattern with its markers in a real automaton, as {@link RulesetCompiler} builds them. */
    private record Compiled(PatternRule rule, TermIndex markers, int groups) {
    }

    private static Compiled compile(String source) {
        Pattern pattern = PatternCompiler.compile(source, false, LISTS::get);
        RegexFootprint footprint = RegexFootprint.of(pattern.pattern());
        MatchExtent.Extent extent = MatchExtent.of(pattern.pattern());
        List<TermEntry> entries = new ArrayList<>();
        int groups = footprint.requiredStrings().size();
        int[] required = new int[groups];
        for (int g = 0; g < groups; g++) {
            required[g] = g;
            for (String string : footprint.requiredStrings().get(g)) {
                entries.add(new TermEntry(Term.marker(string), Role.MARKER, g, -1L, footprint.wordBoundaries(g, string)));
            }
        }
        int coverGroup = extent.cover().isEmpty() ? -1 : groups;
        for (String string : extent.cover()) {
            entries.add(new TermEntry(Term.marker(string), Role.MARKER, coverGroup, -1L));
        }
        PatternRule rule = new PatternRule(0, pattern, false, -1L, required, footprint, extent.maxNonWordChars(),
                coverGroup);
        return new Compiled(rule, new TermIndex(entries), groups);
    }

    private static final class Hits implements TermHits {
        final BitSet seen = new BitSet();
        final List<Integer> hits = new ArrayList<>();

        @Override
        public void ruleHit(int rule, int start, int end) {
        }

        @Override
        public void allowed(int start, int end) {
        }

        @Override
        public void markerSeen(int markerGroup) {
            seen.set(markerGroup);
        }

        @Override
        public void markerAt(int markerGroup, int start, int end) {
            seen.set(markerGroup);
            hits.addAll(List.of(markerGroup, start, end));
        }
    }

    private static Hits scan(Compiled compiled, NormalizedText text) {
        Hits hits = new Hits();
        compiled.markers().scan(text, -1L, hits);
        return hits;
    }

    private static List<String> full(PatternRule rule, String text) {
        List<String> found = new ArrayList<>();
        rule.findAll(text, (start, end) -> found.add(start + "-" + end));
        return found;
    }

    private static List<String> gatedAndWindowed(Compiled compiled, NormalizedText text) {
        Hits hits = scan(compiled, text);
        List<String> found = new ArrayList<>();
        if (compiled.rule().mayMatch(hits.seen, text.text())) {
            int[] array = hits.hits.stream().mapToInt(Integer::intValue).toArray();
            compiled.rule().findAll(text.text(), array, array.length / 3, (start, end) -> found.add(start + "-" + end));
        }
        return found;
    }

    @Test
    void listWordsCarryTheirBoundaries() {
        Compiled compiled = compile(PATTERNS.get(0));
        RegexFootprint footprint = compiled.rule().footprint();
        assertEquals(Set.of("idiot", "loser", "piece of shit", "ho", "rat"), footprint.requiredStrings().get(0));
        assertEquals(0b101, footprint.wordBoundaries(0, "ho")); // before "h" and after "o"
        assertEquals(0b1, footprint.wordBoundaries(0, "loser")); // loser*: only before
        assertEquals(1L | 1L << 13, footprint.wordBoundaries(0, "piece of shit"));
        // without a {list}, nothing is known: as before
        assertEquals(0, RegexFootprint.of("\\bho\\b @\\w+").wordBoundaries(0, "ho"));
        assertEquals(List.of(Set.of("ho")), RegexFootprint.of("(?:ho)\\w* @").requiredStrings());
    }

    @Test
    void aMarkerInsideAWordDoesNotOpenTheGate() {
        Compiled compiled = compile(PATTERNS.get(0));
        for (String text : List.of("who said that @bob", "@bob rather not", "@bob is a pirate", "ahoy @bob")) {
            Hits hits = scan(compiled, Normalizer.normalize(text));
            assertFalse(hits.seen.get(0), text);
            assertFalse(compiled.rule().mayMatch(hits.seen, Normalizer.normalize(text).text()), text);
        }
    }

    @Test
    void aMarkerAtWordBoundariesOpensTheGate() {
        Compiled compiled = compile(PATTERNS.get(0));
        for (String text : List.of("ho @bob", "@bob ho", "@bob, rat!", "@bob losers", "who is a ho @bob")) {
            NormalizedText normalized = Normalizer.normalize(text);
            Hits hits = scan(compiled, normalized);
            assertTrue(hits.seen.get(0), text);
            assertEquals(full(compiled.rule(), normalized.text()), gatedAndWindowed(compiled, normalized), text);
            assertFalse(full(compiled.rule(), normalized.text()).isEmpty(), text);
        }
        // "hos" is not "ho" (no \w* after it), "losers" is "loser*"
        assertFalse(scan(compiled, Normalizer.normalize("@bob hos")).seen.get(0));
    }

    @Test
    void randomTextsGiveTheSameMatchesAsAFullScan() {
        Random random = new Random(20261129L);
        List<Compiled> compiled = PATTERNS.stream().map(WordBoundaryMarkerTest::compile).toList();
        int nonEmpty = 0;
        for (int n = 0; n < 4000; n++) {
            StringBuilder text = new StringBuilder();
            int words = 1 + random.nextInt(30);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
                }
                text.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
            NormalizedText normalized = Normalizer.normalize(text.toString());
            for (int p = 0; p < compiled.size(); p++) {
                List<String> expected = full(compiled.get(p).rule(), normalized.text());
                nonEmpty += expected.isEmpty() ? 0 : 1;
                assertEquals(expected, gatedAndWindowed(compiled.get(p), normalized),
                        PATTERNS.get(p) + " on \"" + normalized.text() + "\"");
            }
        }
        assertTrue(nonEmpty > 1000, "the random texts should match often: " + nonEmpty);
    }
}
