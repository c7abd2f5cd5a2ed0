package news.moderation.engine.rules;

import com.google.re2j.Pattern;
import news.moderation.engine.normalize.Normalizer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatternGateTest {
    private static final String[] PIECES = {" ", "\n", ".", "-", "/", "(", ")", "+", "@", ",", ":", "0", "00", "12",
        "555", "2024", "a", "Ab", "St", "Street", "rue", "calle", "his", "number is", "mail", "x.y", "é", "😀", "DE89"};

    /** The one scan for all patterns answers, for every pattern, what its own footprint answers. */
    @Test
    void answersAsEachFootprintDoes() throws Exception {
        List<PatternRule> patterns = RulesetCompiler.compile(RuleFiles.read(Path.of("rules"))).patterns();
        PatternGate gate = new PatternGate(patterns);
        Random random = new Random(4);
        int through = 0;
        for (int n = 0; n < 20_000; n++) {
            String text = randomText(random);
            boolean[] expected = new boolean[patterns.size()];
            for (int k = 0; k < expected.length; k++) {
                expected[k] = patterns.get(k).footprint().mayMatch(text);
                through += expected[k] ? 1 : 0;
            }
            assertArrayEquals(expected, gate.mayMatch(text, -1L), text);
        }
        assertTrue(through > 1000, "too few texts got through to test anything: " + through);
    }

    /**
     * Every shipped pattern needs a digit, an '@' or a '+' (the international phone number's rarest set), so a comment
     * with none is answered by a scan for those chars alone; a pattern that needs no particular char leaves every
     * text to the full checks.
     */
    /**
     * The normaliser notes the symbols of the original as it reads it, so an ASCII comment without a digit, '@' or
     * '+' is sent away without being read again; only where every pattern would be gated out, and never a text NFKC
     * may change (a fullwidth digit is a digit to the patterns).
     */
    @Test
    void theNormalisersSymbolsSendAwayATextNoPatternCanMatch() throws Exception {
        List<PatternRule> patterns = RulesetCompiler.compile(RuleFiles.read(Path.of("rules"))).patterns();
        PatternGate shipped = new PatternGate(patterns);
        assertFalse(shipped.mayMatchAny(Normalizer.normalize("no digit, no at sign")));
        assertTrue(shipped.mayMatchAny(Normalizer.normalize("call 555 1234")));
        assertTrue(shipped.mayMatchAny(Normalizer.normalize("call \uFF15\uFF15\uFF15")));
        Random random = new Random(5);
        int sentAway = 0;
        for (int n = 0; n < 20_000; n++) {
            String text = randomText(random);
            if (!shipped.mayMatchAny(Normalizer.normalize(text))) {
                sentAway++;
                assertArrayEquals(new boolean[patterns.size()], shipped.mayMatch(text, -1L), text);
            }
        }
        assertTrue(sentAway > 1000, "too few texts sent away to test anything: " + sentAway);

        assertTrue(threeLettersGate().mayMatchAny(Normalizer.normalize("no digit")));
    }

    @Test
    void aTextWithNoCharAnyPatternNeedsIsAnsweredByItsChars() throws Exception {
        List<PatternRule> patterns = RulesetCompiler.compile(RuleFiles.read(Path.of("rules"))).patterns();
        PatternGate shipped = new PatternGate(patterns);
        assertEquals(AsciiSet.DIGITS.union(AsciiSet.of('@')).union(AsciiSet.of('+')), shipped.neededByAny());
        assertArrayEquals(new boolean[patterns.size()], shipped.mayMatch("no digit, no at sign", -1L));

        PatternGate open = threeLettersGate();
        assertNull(open.neededByAny());
        assertArrayEquals(new boolean[] {true}, open.mayMatch("no digit", -1L));
    }

    @Test
    void checksOnlyThePatternsOfTheSelectedLanguages() throws Exception {
        CompiledRules compiled = RulesetCompiler.compile(RuleFiles.read(Path.of("rules")));
        List<PatternRule> patterns = compiled.patterns();
        int email = 0;
        while (!compiled.rules().get(patterns.get(email).rule()).id().equals("any.personal_data.email")) {
            email++;
        }
        PatternGate gate = new PatternGate(patterns);
        String text = "write to jane.doe@example.com";
        assertTrue(gate.mayMatch(text, -1L)[email]);
        assertTrue(gate.mayMatch(text, compiled.languageBits().get("any"))[email]);
        assertArrayEquals(new boolean[patterns.size()], gate.mayMatch(text, compiled.languageBits().get("en")));
    }

    /** A text of up to 15 random pieces. */
    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(16); k > 0; k--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    /** The gate of one pattern that needs no particular char: three letters of any script. */
    private static PatternGate threeLettersGate() {
        return new PatternGate(List.of(new PatternRule(0, Pattern.compile("\\pL{3}"), -1L, new int[0],
                RegexFootprint.of("\\pL{3}"))));
    }
}
