package news.moderation.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A search limited to the regions the syntax tree proves finds exactly what a search of the whole text finds. */
class SearchRegionsTest {
    private static final String[] PIECES = {" ", "  ", "\n", "\t", ".", "-", "/", "(", ")", "+", "@", ",", ":", "'",
            "_", "0", "00", "12", "123", "2024", "555", "0187", "a", "de", "St", "Street", "rue", "calle", "his",
            "number", "is", "call her at", "é", "ß", "😀", "x.y", "com", "\u212A", "\u017F", "Ｋ", "DE89", "ssn"};

    /**
     * For every pattern of rules/any/personal_data.yaml, random texts from its examples' pieces and chars that sit
     * at region edges (word chars for {@code \b}, spaces its {@code \s+} repeats freely, surrogate pairs, the Kelvin
     * sign that {@code (?i)} folds into 'k'): the regions give the same matches as the whole text.
     */
    @Test
    void theShippedPatternsFindTheSameInRegionsAsInTheWholeText() throws Exception {
        JsonNode rules = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("rules/any/personal_data.yaml").toFile()).get("rules");
        Random random = new Random(17);
        int withRegions = 0;
        int matched = 0;
        for (JsonNode rule : rules) {
            String regex = rule.get("pattern").asText();
            PatternRule pattern = patternRule(regex);
            withRegions += pattern.footprint().searchRegions() != null ? 1 : 0;
            List<String> examples = new ArrayList<>();
            rule.get("examples").get("match").forEach(example -> examples.add(example.asText()));
            rule.get("examples").get("noMatch").forEach(example -> examples.add(example.asText()));
            for (int n = 0; n < 4000; n++) {
                String text = randomText(random, examples);
                matched += assertSameMatches(pattern, text) > 0 ? 1 : 0;
            }
            for (String example : examples) {
                for (String around : List.of("", "x", "_", "😀", " ", "7")) {
                    assertSameMatches(pattern, around + example + around);
                }
            }
        }
        assertTrue(withRegions >= 12, withRegions + " patterns search regions");
        assertTrue(matched > 2000, "only " + matched + " random texts had a match");
    }

    /** Patterns written to put matches at the edges of what the walks allow. */
    @Test
    void matchesAtTheEdgesOfTheirRegionsAreFound() {
        String[][] cases = {
                {"\\bab\\d", "ab1 xab2 ab3"},                      // \b: a region must not start inside "xab2"
                {"\\d\\b", "1 12a 3"},                             // \b at the end: "2a" is no match
                {"(?i)k\\d", "\u212A1 K2 k3"},                     // the Kelvin sign, folded by (?i)
                {"(?i)\\bks\\d", "x\u212A\u017F1 \u212A\u017F2"},    // folded chars around the anchor
                {"no\\s+\\d", "no    \t\n 5 and no5"},                // a free run of spaces before the anchor
                {".\\d", "😀1 a2"},                                 // any char: a surrogate pair is two chars
                {"\\d.", "1😀 2b"},
                {"[^a]{2}\\d", "😀1 é😀2"},
                {"(?:ab|cd)+\\d", "ababcd1 cd2"},                  // copies of a repeat around the anchor
                {"\\d+x", "12345678901234567890x"},                // an unbounded run of the anchor set itself
                {"a.*\\d", "a then words, then 9"},                // no bound before the anchor: the text's start
                {"@\\w+", "@ab @c"},
                {"\\d", "1"},
                {"[a-c]{2}\\d[x-z]", "ab1x b2y cc3z"},             // chars right next to the anchor, at the ends
                {"(?i)\\bk{2}\\d", "\u212AK1 kk2"},                  // ... folded by (?i)
                {"[\\wÀ-ÿ'-]+ \\d", "l'été 1 xü 2 😀 3"},           // accented letters repeated freely
                {"(?i)[À-ſ]+\\d", "\u017F1 S2 é3"},                    // a range holding the long s: 's' under (?i)
        };
        for (String[] regexAndText : cases) {
            PatternRule pattern = patternRule(regexAndText[0]);
            assertNotNull(pattern.footprint().searchRegions(), regexAndText[0]);
            String text = regexAndText[1];
            assertTrue(assertSameMatches(pattern, text) > 0, regexAndText[0] + " found nothing in " + text);
            for (int from = 0; from < text.length(); from++) {
                for (int to = from; to <= text.length(); to++) {
                    assertSameMatches(pattern, text.substring(from, to));
                }
            }
        }
    }

    /** A pattern that every match of holds no known char, or with assertions on the text's ends, searches all. */
    @Test
    void patternsWithoutAnAnchorOrWithLineAssertionsSearchTheWholeText() {
        assertNull(patternRule("^\\d+").footprint().searchRegions());
        assertNull(patternRule("\\d+$").footprint().searchRegions());
        assertNull(patternRule("(?m)^ab").footprint().searchRegions());
        assertNull(patternRule("\\pL+").footprint().searchRegions());
        assertNull(patternRule("a?\\d*").footprint().searchRegions());
    }

    /**
     * The phone-number disclosure: a cue and a number any spaces apart, the number ending in a digit after five
     * digits, spaces or brackets. The region is the chars before that digit that a cue and a number can take (spaces
     * free), not the whole comment; the digits of "in 2019, 3 times" have no region.
     */
    @Test
    void aLongCommentWithADigitIsSearchedOnlyNearTheDigit() throws Exception {
        PatternRule phoneDisclosed = shipped("any.personal_data.phone-disclosed");
        String prose = "and so on, a sentence of a long comment about the council meeting and its budget. ";
        String text = prose.repeat(20) + "his number is       555 2 " + prose.repeat(10) + "in 2019, 3 times "
                + prose.repeat(10);
        int[] regions = phoneDisclosed.footprint().searchRegions().regionsOf(text);
        int start = text.indexOf("2 ");
        assertTrue(regions[0] <= text.indexOf("his number") && regions[1] == start + 1
                && regions[0] > start - 100 && regions[2] == -1, java.util.Arrays.toString(regions));
        assertEquals(0, assertSameMatches(phoneDisclosed, text));
        assertEquals(1, assertSameMatches(phoneDisclosed, text.replace("555 2 ", "0171 1234567 ")));
    }

    /**
     * A German street address: a capitalised word of letters (accented or not), a street word, a number. The walk
     * back from the space before the number stops at the space before that word, since the letters are free but the
     * spaces are not: not the whole comment before it, as when the accented letters made the class unknown.
     */
    @Test
    void aWordOfAccentedLettersBoundsTheRegion() throws Exception {
        PatternRule streetAddress = shipped("any.personal_data.street-address-de");
        String prose = "Die Sitzung des Gemeinderats dauerte über drei Stunden, und niemand war zufrieden. ";
        String text = prose.repeat(20) + "Er wohnt in der Müllerstraße 12 seit Jahren. " + prose.repeat(5);
        int[] regions = streetAddress.footprint().searchRegions().regionsOf(text);
        assertEquals(text.indexOf("Müllerstraße"), regions[0], java.util.Arrays.toString(regions));
        assertEquals(-1, regions[2], java.util.Arrays.toString(regions));
        assertEquals(1, assertSameMatches(streetAddress, text));
    }

    private static PatternRule shipped(String id) throws Exception {
        CompiledRules compiled = RulesetCompiler.compile(RuleFiles.read(Path.of("rules")));
        return compiled.patterns().stream().filter(pattern -> compiled.rules().get(pattern.rule()).id().equals(id))
                .findFirst().orElseThrow();
    }

    private static PatternRule patternRule(String regex) {
        PatternCompiler.CompiledPattern compiled = PatternCompiler.compile(regex);
        return new PatternRule(0, compiled.pattern(), -1L, new int[0], compiled.footprint());
    }

    /** @return how many matches both searches found */
    private static int assertSameMatches(PatternRule pattern, String text) {
        List<String> inRegions = new ArrayList<>();
        List<String> inWholeText = new ArrayList<>();
        pattern.findAll(text, (start, end) -> inRegions.add(start + "-" + end));
        pattern.findAllInWholeText(text, (start, end) -> inWholeText.add(start + "-" + end));
        assertEquals(inWholeText, inRegions, () -> pattern.pattern().pattern() + " in \"" + text + "\"");
        return inWholeText.size();
    }

    private static String randomText(Random random, List<String> examples) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(14); k > 0; k--) {
            if (random.nextInt(4) == 0) {
                String example = examples.get(random.nextInt(examples.size()));
                int from = random.nextInt(example.length());
                text.append(example, random.nextBoolean() ? 0 : from, example.length());
            } else {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return text.toString();
    }
}
