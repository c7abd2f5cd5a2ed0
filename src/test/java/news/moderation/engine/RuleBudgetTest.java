package news.moderation.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing a rule file holds can exhaust memory or time: every limit refuses the ruleset, before the costly step, with
 * one line naming the file, the rule where there is one, and the limit.
 */
class RuleBudgetTest {
    private static final String RULE = "en.attack.costly";

    @TempDir
    Path dir;

    private int cases;

    private RulesetException refused(String... pathsAndContents) {
        Path fresh = dir.resolve("case" + cases++);
        RuleDirs.write(fresh, pathsAndContents);
        return assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(RulesetException.class, () -> Ruleset.load(fresh)));
    }

    private RulesetException refusedPattern(String pattern) {
        return refused("en/attack.yaml", RuleDirs.patternRule(RULE, pattern, "original", "a"));
    }

    private static void assertOneLineNaming(RulesetException e, String file, String ruleId, String limit) {
        String message = e.getMessage();
        assertFalse(message.contains("\n"), message);
        assertEquals(file, e.getFile(), message);
        assertEquals(ruleId, e.getRuleId(), message);
        assertTrue(message.startsWith(file + (ruleId == null ? ": " : ", rule " + ruleId + ": ")), message);
        assertTrue(message.contains(limit), message);
    }

    /** The rule of the report: re2j would need gigabytes for it (OutOfMemoryError on every reload). */
    @Test
    void nestedRepeatsAreRefusedBeforeRe2jCompilesThem() {
        assertOneLineNaming(refusedPattern("(?:(?:a{1000}){1000}){1000}"), "en/attack.yaml", RULE,
                "nested repeat counts multiply to 1000000, more than 1000");
        assertOneLineNaming(refusedPattern("(?:x(?:ab|c{50}){30})"), "en/attack.yaml", RULE,
                "multiply to 1500");
    }

    @Test
    void aRepeatCountOverRe2jsLimitIsRefusedWithTheCount() {
        assertOneLineNaming(refusedPattern("a{2,99999999999}"), "en/attack.yaml", RULE,
                "repeat count 99999999999 is more than 1000");
    }

    /** Quoted text would hide a group's end from the budget: (?:a{1000}\Q)\E b){1000} is a million copies. */
    @Test
    void quotingIsRefusedBecauseItWouldHideStructureFromTheBudget() {
        assertOneLineNaming(refusedPattern("(?:a{1000}\\Q)\\E b){1000}"), "en/attack.yaml", RULE,
                "\\Q...\\E quoting, which is not supported");
    }

    @Test
    void deeplyNestedGroupsAreRefused() {
        assertOneLineNaming(refusedPattern("(?:".repeat(100) + "a" + ")".repeat(100)), "en/attack.yaml", RULE,
                "groups nested more than 50 deep");
    }

    @Test
    void aPatternThatWouldCompileToAHugeProgramIsRefused() {
        assertOneLineNaming(refusedPattern("(?:abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz){999}"),
                "en/attack.yaml", RULE, "more than 20000 instructions");
        assertOneLineNaming(refusedPattern("abcdefghij".repeat(500)), "en/attack.yaml", RULE,
                "5000 chars long, more than 4096");
    }

    /** Lists are for phrases: a pattern that names one is refused, so no list expansion reaches re2j. */
    @Test
    void aListInAPatternIsRefused() {
        String entries = IntStream.range(0, 3_000).mapToObj(RuleBudgetTest::madeUpWord)
                .collect(Collectors.joining(", ", "[", "]"));
        RulesetException e = refused("en/lists.yaml", "language: en\nlists:\n  many: " + entries + "\n",
                "en/attack.yaml", RuleDirs.patternRule(RULE, "you {many}", "original", "you " + madeUpWord(0)));
        assertOneLineNaming(e, "en/attack.yaml", RULE, "word lists are for phrases");
    }

    /** Distinct words of consonant-vowel syllables: nothing the normaliser changes or collapses. */
    private static String madeUpWord(int number) {
        String consonants = "bcdfghjklmnpqrstvwxz";
        StringBuilder word = new StringBuilder("zu");
        for (int syllable = 0, rest = number; syllable < 3; syllable++, rest /= 100) {
            word.append(consonants.charAt(rest % 100 / 5)).append("aeiou".charAt(rest % 5));
        }
        return word.toString();
    }

    @Test
    void patternsOfARulesetTogetherHaveABudgetToo() {
        String[] files = new String[30];
        for (int k = 0; k < 15; k++) {
            files[2 * k] = "en/attack" + k + ".yaml";
            files[2 * k + 1] = RuleDirs.patternRule("en.attack.p" + k,
                    "x" + (char) ('a' + k) + "(?:abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz){340}",
                    "original", "a");
        }
        RulesetException e = refused(files);
        assertTrue(e.getMessage().contains("more than the limit of 250000 for a whole ruleset"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    /** Every example is judged at every load: a file of a hundred thousand tiny ones is refused before that. */
    @Test
    void tooManyExamplesAreRefusedBeforeAnyIsJudged() {
        String examples = java.util.Collections.nCopies(20_001, "\"fuck\"").stream()
                .collect(Collectors.joining(", ", "[", "]"));
        RulesetException e = refused("en/obscene.yaml", RuleDirs.termRule("en.obscene.many", "fuck", "fuck")
                .replace("match: [\"fuck\"]", "match: " + examples));
        assertOneLineNaming(e, "en/obscene.yaml", "en.obscene.many", "more than 20000 examples");
    }

    @Test
    void termsOverTooManyDistinctCharsAreRefusedBeforeTheAutomatonIsBuilt() {
        String term = IntStream.range(0, 6_000).mapToObj(i -> Character.toString(0x4E00 + i % 3_000))
                .collect(Collectors.joining());
        RulesetException e = refused("en/obscene.yaml", RuleDirs.termRule("en.obscene.wide", term, term));
        assertTrue(e.getMessage().contains("would need an automaton of more than"), e.getMessage());
    }

    @Test
    void anOversizedFileAndAnOversizedRulesetAreRefusedNamingTheFile() throws IOException {
        String padding = "# " + "x".repeat(1 << 20) + "\n";
        assertOneLineNaming(refused("en/obscene.yaml", RuleDirs.termRule("en.obscene.a", "fuck", "fuck") + padding),
                "en/obscene.yaml", null, "larger than the limit of 1048576 bytes");

        String almostFull = "# " + "x".repeat((1 << 20) - 400) + "\n";
        String[] files = new String[18];
        for (int k = 0; k < 9; k++) {
            files[2 * k] = "en/big" + k + ".yaml";
            files[2 * k + 1] = RuleDirs.termRule("en.obscene.b" + k, "fuck", "fuck") + almostFull;
        }
        RulesetException total = refused(files);
        assertTrue(total.getMessage().contains("over the limit for a ruleset"), total.getMessage());
        assertTrue(Files.exists(dir.resolve("case" + (cases - 1)).resolve(total.getFile())), total.getFile());
    }

    @Test
    void deeplyNestedYamlIsRefusedWithoutAStackOverflow() {
        String deep = "language: en\ncategory: obscene\nrules:\n  - id: en.obscene.deep\n    severity: "
                + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        RulesetException e = refused("en/deep.yaml", deep);
        assertEquals("en/deep.yaml", e.getFile());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    /** Aliases could multiply a small file ("billion laughs"); they are not expanded into memory. */
    @Test
    void nestedAliasesDoNotMultiplyTheFile() {
        StringBuilder laughs = new StringBuilder("language: en\nlists:\n  l0: &l0 [lol, lol, lol, lol, lol]\n");
        for (int level = 1; level < 10; level++) {
            String alias = "*l" + (level - 1);
            laughs.append("  l").append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, alias))).append("]\n");
        }
        Path fresh = RuleDirs.write(dir.resolve("laughs"), "en/lists.yaml", laughs.toString());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                Ruleset.load(fresh);
            } catch (RulesetException refusedIsFine) {
                assertFalse(refusedIsFine.getMessage().contains("\n"));
            }
        });
    }

    /** A rule file can be bad in many ways; none of them makes re2j or the loader throw anything but the refusal. */
    @Test
    void aBudgetRefusalInOneFileNamesThatFileAmongGoodOnes() {
        RulesetException e = refused("en/obscene.yaml", RuleDirs.termRule("en.obscene.fuck", "fuck", "fuck"),
                "en/zz-bad.yaml", RuleDirs.patternRule(RULE, "(?:(?:a{1000}){1000}){1000}", "original", "a"));
        assertOneLineNaming(e, "en/zz-bad.yaml", RULE, "more than 1000");
    }
}
