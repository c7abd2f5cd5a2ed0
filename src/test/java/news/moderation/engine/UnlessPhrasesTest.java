package news.moderation.engine;

import news.moderation.engine.normalize.Normalizer;
import news.moderation.engine.rules.CompiledRules;
import news.moderation.engine.rules.RuleFiles;
import news.moderation.engine.rules.RulesetCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code unless}: phrases around a rule's hit that drop it (reported speech, counter-speech, a word quoted in a
 * question about it), written per rule or once per file.
 */
class UnlessPhrasesTest {
    private static final String LISTS = """
            language: en
            lists:
              group:
                - immigrants
                - refugees
              dehumanizing:
                - rats
                - vermin
              disapproval:
                - disgusting
                - wrong
            """;
    /** A file-level unless for both rules, and a rule-level one for the term rule only. */
    private static final String DEROGATORY = """
            language: en
            category: derogatory
            unless:
              - "(calling | call) _*4 (is | was) {disapproval}"
            rules:
              - id: en.derogatory.group-vermin
                severity: high
                phrase: "{group} (are)? {dehumanizing}"
                examples:
                  match: ["refugees are vermin"]
                  noMatch: ["calling refugees vermin is disgusting"]
              - id: en.derogatory.slur
                severity: high
                terms: ["wetback"]
                unless:
                  - "the word _"
                examples:
                  match: ["go home wetback"]
                  noMatch: ["is the word wetback a slur?", "calling them wetback is wrong"]
            """;
    private static final String ATTACK = """
            language: en
            category: personal_attack
            rules:
              - id: en.personal_attack.vermin
                severity: medium
                terms: ["vermin"]
                examples:
                  match: ["calling refugees vermin is disgusting"]
            """;

    @TempDir
    static Path dir;
    private static Ruleset ruleset;

    @BeforeAll
    static void load() throws RulesetException {
        ruleset = Ruleset.load(RuleDirs.write(dir.resolve("rules"), "en/lists.yaml", LISTS,
                "en/derogatory.yaml", DEROGATORY, "en/attack.yaml", ATTACK));
    }

    private static List<String> ruleIds(String text) {
        return ruleset.judge(text, "en").matches().stream().map(Match::ruleId).toList();
    }

    private static List<String> derogatoryRuleIds(String text) {
        return ruleIds(text).stream().filter(id -> id.startsWith("en.derogatory.")).toList();
    }

    @Test
    void aFileLevelUnlessDropsTheHitsOfEveryRuleOfTheFileInsideIt() {
        assertEquals(List.of("en.derogatory.group-vermin"), derogatoryRuleIds("refugees vermin"));
        assertEquals(List.of(), derogatoryRuleIds("calling refugees vermin is disgusting"));
        assertEquals(List.of(), ruleIds("calling them wetback was wrong"));
    }

    @Test
    void theHitMustLieInsideTheUnlessMatchOfTheSameSentence() {
        // the cue without its judgement, and the judgement in another sentence, protect nothing
        assertEquals(List.of("en.derogatory.group-vermin"), derogatoryRuleIds("calling refugees vermin is true"));
        assertEquals(List.of("en.derogatory.group-vermin"),
                derogatoryRuleIds("calling refugees vermin. is disgusting"));
        // a second, unprotected hit in the same comment is still reported
        Verdict verdict = ruleset.judge("calling refugees vermin is disgusting, but immigrants are rats", "en");
        assertEquals(1, verdict.matches().stream().filter(m -> m.ruleId().equals("en.derogatory.group-vermin"))
                .count(), verdict.matches()::toString);
        assertTrue(verdict.matches().stream().anyMatch(m -> m.excerpt().equals("immigrants are rats")));
    }

    @Test
    void anUnlessProtectsOnlyItsOwnRules() {
        // the rule-level "the word _" guards the slur rule, not the phrase rule of the same file
        assertEquals(List.of(), ruleIds("is the word wetback a slur?"));
        assertEquals(List.of("en.derogatory.group-vermin"), derogatoryRuleIds("the word refugees vermin"));
        // the other file's rule is not guarded by the derogatory file's unless
        assertEquals(List.of("en.personal_attack.vermin"), ruleIds("calling refugees vermin is disgusting"));
        assertEquals(Decision.REVIEW, ruleset.judge("calling refugees vermin is disgusting", "en").decision());
    }

    /**
     * The unless phrases are in the automaton of the phrase rules, so one pass over the words finds both: a second
     * automaton for them looked every word of a comment with a guarded hit up again.
     */
    @Test
    void onePhrasePassFindsThePhraseRulesAndTheUnlessPhrases() throws RulesetException {
        CompiledRules compiled = RulesetCompiler.compile(RuleFiles.read(dir.resolve("rules")));
        String text = "calling refugees vermin is disgusting";
        List<String> found = new ArrayList<>();
        compiled.phrases().scan(Normalizer.normalize(text), text, -1L, (phrase, start, end) -> found.add(
                (CompiledRules.isGuard(phrase) ? "unless protecting " + compiled.guardedRules()[
                        CompiledRules.guardIndex(phrase)].length + " rules" : compiled.rules().get(phrase).id())
                        + " at " + start + "-" + end));
        // offsets into the normalised text "caling refugees vermin is disgusting" (repeated letters collapse)
        assertEquals(List.of("en.derogatory.group-vermin at 7-21", "unless protecting 2 rules at 0-35"), found);
    }

    /**
     * Whatever found the only hit (the term pass, the phrase pass or a pattern, which runs after the phrases), an
     * unless phrase around it (of the file, or of a pattern rule itself) drops it, and the same hit outside one is kept: a shortcut that skipped the unless
     * phrases in a comment without a hit so far would fail here.
     */
    @Test
    void anUnlessDropsTheOnlyHitWhetherATermAPhraseOrAPatternFoundIt(@TempDir Path rules) throws RulesetException {
        Ruleset quoted = Ruleset.load(RuleDirs.write(rules, "en/quoted.yaml", """
                language: en
                category: derogatory
                unless:
                  - "quote _*4 unquote"
                rules:
                  - id: en.derogatory.term
                    severity: high
                    terms: ["wetback"]
                    examples:
                      match: ["go home wetback"]
                  - id: en.derogatory.phrase
                    severity: high
                    phrase: "refugees are vermin"
                    examples:
                      match: ["refugees are vermin"]
                  - id: en.derogatory.pattern
                    severity: high
                    pattern: 'idiot\\d+'
                    unless:
                      - "the word _"
                    examples:
                      match: ["you idiot12"]
                """));
        assertEquals(List.of(), quoted.judge("the word idiot12", "en").matches(), "a pattern rule's own unless");
        for (String hit : List.of("go home wetback", "refugees are vermin", "you idiot12")) {
            assertNotEquals(Decision.ALLOW, quoted.judge(hit + " unquote", "en").decision(), hit);
            Verdict excused = quoted.judge("quote " + hit + " unquote", "en");
            assertEquals(Decision.ALLOW, excused.decision(), hit);
            assertEquals(List.of(), excused.matches(), hit);
        }
    }

    @Test
    void aBrokenUnlessIsRefusedNamingFileRuleAndKey(@TempDir Path broken) {
        RulesetException e = assertThrows(RulesetException.class, () -> Ruleset.load(RuleDirs.write(broken,
                "en/lists.yaml", LISTS, "en/derogatory.yaml", DEROGATORY.replace("\"the word _\"", "\"the (word\""))));
        assertEquals("en/derogatory.yaml", e.getFile());
        assertEquals("en.derogatory.slur", e.getRuleId());
        assertTrue(e.getMessage().contains("unless \"the (word\"") && e.getMessage().contains("never closed"),
                e.getMessage());
    }

    @Test
    void aBrokenFileLevelUnlessIsRefusedNamingTheFile(@TempDir Path broken) {
        RulesetException e = assertThrows(RulesetException.class, () -> Ruleset.load(RuleDirs.write(broken,
                "en/lists.yaml", LISTS, "en/derogatory.yaml", DEROGATORY.replace("{disapproval}\"", "{nope}\""))));
        assertEquals("en/derogatory.yaml", e.getFile());
        assertTrue(e.getMessage().contains("unless \"(calling | call)") && e.getMessage().contains("nope"),
                e.getMessage());
    }

    @Test
    void anUnlessInAFileWithoutRulesIsAnAllowEntryForEveryRule(@TempDir Path rules) throws RulesetException {
        Ruleset withAllowPhrase = Ruleset.load(RuleDirs.write(rules, "en/lists.yaml", LISTS,
                "en/derogatory.yaml", DEROGATORY, "en/attack.yaml", ATTACK,
                "en/allow.yaml", "language: en\nunless: [\"what (does | do) _ mean\"]\n"));
        assertEquals(List.of(), withAllowPhrase.judge("what does vermin mean?", "en").matches());
        assertEquals(List.of(), withAllowPhrase.judge("what does wetback mean?", null).matches());
        assertEquals(Decision.REJECT, withAllowPhrase.judge("what a wetback", "en").decision());
        // without it, the same question is held: the test above is not vacuous
        assertEquals(Decision.REVIEW, ruleset.judge("what does vermin mean?", "en").decision());
    }
}
