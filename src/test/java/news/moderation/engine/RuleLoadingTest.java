package news.moderation.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a ruleset refuses at load, and what re2j guarantees for patterns. */
class RuleLoadingTest {
    @TempDir
    Path dir;

    private int cases;

    /** Loads the files in a fresh directory and returns why the ruleset was refused. */
    private RulesetException refused(String... pathsAndContents) {
        Path fresh = dir.resolve("case" + cases++);
        return assertThrows(RulesetException.class, () -> Ruleset.load(RuleDirs.write(fresh, pathsAndContents)));
    }

    @Test
    void refusesAFailingMatchExampleNamingFileRuleAndExample() {
        RulesetException e = refused("en/obscene.yaml", RuleDirs.termRule("en.obscene.x", "fuck", "a fine flock"));
        assertEquals("en/obscene.yaml", e.getFile());
        assertEquals("en.obscene.x", e.getRuleId());
        assertEquals("a fine flock", e.getExample());
        assertTrue(e.getMessage().contains("en/obscene.yaml") && e.getMessage().contains("en.obscene.x")
                && e.getMessage().contains("a fine flock"), e.getMessage());
    }

    @Test
    void refusesAFailingNoMatchExample() {
        RulesetException e = refused("en/obscene.yaml", """
                language: en
                category: obscene
                rules:
                  - id: en.obscene.ass
                    severity: medium
                    terms: ["*ass*"]
                    examples:
                      match: ["ass"]
                      noMatch: ["a classic"]
                """);
        assertEquals("a classic", e.getExample());
    }

    @Test
    void refusesJavaOnlyRegexSyntaxNamingFileAndRule() {
        for (String pattern : List.of("(?=idiot)\\\\w+", "(?<!not )idiot", "(\\\\w+) \\\\1", "(?>a+)b", "a*+b")) {
            RulesetException e = refused("en/attack.yaml",
                    RuleDirs.patternRule("en.attack.bad", pattern.replace("\\\\", "\\"), "original", "x"));
            assertEquals("en/attack.yaml", e.getFile(), pattern);
            assertEquals("en.attack.bad", e.getRuleId(), pattern);
            assertTrue(e.getMessage().contains("re2j"), e.getMessage());
        }
    }

    @Test
    void refusesDuplicateIdsUnknownKeysCategoriesSeveritiesAndLists() {
        String rule = RuleDirs.termRule("en.obscene.fuck", "fuck", "fuck");
        RulesetException duplicate = refused("a.yaml", rule, "b.yaml", rule);
        assertEquals("b.yaml", duplicate.getFile());
        assertEquals("en.obscene.fuck", duplicate.getRuleId());
        assertTrue(duplicate.getMessage().contains("duplicate"));

        RulesetException unknownKey = refused("c.yaml", rule.replace("severity: high", "severity: high\n    colour: red"));
        assertEquals("en.obscene.fuck", unknownKey.getRuleId());
        assertTrue(unknownKey.getMessage().contains("colour"), unknownKey.getMessage());

        RulesetException category = refused("d.yaml", rule.replace("category: obscene", "category: rude"));
        assertTrue(category.getMessage().contains("rude"), category.getMessage());

        RulesetException severity = refused("e.yaml", rule.replace("severity: high", "severity: extreme"));
        assertEquals("en.obscene.fuck", severity.getRuleId());

        RulesetException list = refused("f.yaml", RuleDirs.phraseRule("en.attack.list", "you {nosuchlist}", "x"));
        assertTrue(list.getMessage().contains("nosuchlist"), list.getMessage());
    }

    @Test
    void refusesAPatternOnTheNormalisedTextPointingToPhrases() {
        RulesetException e = refused("en/attack.yaml", RuleDirs.patternRule("en.attack.old", "you idiot", "normalized",
                "you idiot"));
        assertEquals("en.attack.old", e.getRuleId());
        assertTrue(e.getMessage().contains("phrase:"), e.getMessage());
    }

    @Test
    void refusesABrokenOrOverBudgetPhraseNamingFileRuleAndColumn() {
        RulesetException syntax = refused("en/attack.yaml", RuleDirs.phraseRule("en.attack.syntax",
                "you are (a | an idiot", "you are an idiot"));
        assertEquals("en/attack.yaml", syntax.getFile());
        assertEquals("en.attack.syntax", syntax.getRuleId());
        assertTrue(syntax.getMessage().contains("column 9: '(' is never closed"), syntax.getMessage());

        RulesetException budget = refused("en/attack.yaml", RuleDirs.phraseRule("en.attack.big",
                "you (((((_*8)*8)*8)*8)*8) idiot", "you idiot"));
        assertEquals("en.attack.big", budget.getRuleId());
        assertTrue(budget.getMessage().contains("over the limit of 20000 per rule"), budget.getMessage());
    }

    @Test
    void reportsAMissingDirectoryWithoutRuleOrExample() {
        RulesetException e = assertThrows(RulesetException.class, () -> Ruleset.load(dir.resolve("missing")));
        assertNull(e.getRuleId());
        assertNull(e.getExample());
    }

    @Test
    void runsCatastrophicBacktrackingPatternsInLinearTime() throws RulesetException {
        Ruleset ruleset = Ruleset.load(RuleDirs.write(dir,
                "any/a.yaml", RuleDirs.patternRule("any.a", "(a+)+$", "original", "aaa").replace("language: en", "language: any"),
                "any/x.yaml", RuleDirs.patternRule("any.x", "(x+x+)+y", "original", "xxy").replace("language: en", "language: any"),
                "en/n.yaml", RuleDirs.patternRule("en.n", "(\\w+\\s?)+z$", "original", "ab z")));
        String manyA = "a".repeat(99_999) + "!"; // the longest text judged by default
        String manyX = "x".repeat(99_999);
        String words = "ab ".repeat(30_000) + "!";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertTrue(ruleset.judge(manyA, null).matches().isEmpty());
            assertTrue(ruleset.judge(manyX, null).matches().isEmpty());
            assertEquals(List.of("any.x"), ruleset.judge(manyX + "y", null).matches().stream().map(Match::ruleId).toList());
            assertTrue(ruleset.judge(words, null).matches().isEmpty());
        });
    }

    @Test
    void unknownYamlKeyAtFileLevelNamesTheFile() {
        RulesetException e = refused("en/lists.yaml", "language: en\nlist:\n  insult: [idiot]\n");
        assertEquals("en/lists.yaml", e.getFile());
        assertTrue(e.getMessage().contains("'list'"), e.getMessage());
    }
}
