package news.moderation.engine.rules;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(16); k > 0; k--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            boolean[] expected = new boolean[patterns.size()];
            for (int k = 0; k < expected.length; k++) {
                expected[k] = patterns.get(k).footprint().mayMatch(text.toString());
                through += expected[k] ? 1 : 0;
            }
            assertArrayEquals(expected, gate.mayMatch(text.toString(), -1L), text.toString());
        }
        assertTrue(through > 1000, "too few texts got through to test anything: " + through);
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
}
