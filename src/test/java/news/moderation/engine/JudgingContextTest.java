package news.moderation.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules limited to replies ({@code scope: reply}): where they apply, how their examples are judged, what is refused. */
class JudgingContextTest {
    @TempDir
    Path dir;

    private static String replyRule(String scope, String noMatch) {
        return """
                language: en
                category: personal_attack
                rules:
                  - id: en.personal_attack.bare-verdict
                    severity: medium
                    scope: %s
                    phrase: "<s> pathetic <s>"
                    examples:
                      match: ["Pathetic."]
                      noMatch: ["%s"]
                  - id: en.personal_attack.you-insult
                    severity: medium
                    phrase: "<s> you idiot <s>"
                    examples:
                      match: ["You idiot!"]
                """.formatted(scope, noMatch);
    }

    private static List<String> ruleIds(Verdict verdict) {
        return verdict.matches().stream().map(Match::ruleId).toList();
    }

    @Test
    void aReplyOnlyRuleHoldsAReplyAndNotATopLevelComment() throws RulesetException {
        Ruleset ruleset = Ruleset.load(RuleDirs.write(dir, "en/attacks.yaml", replyRule("reply", "a pathetic try")));
        assertEquals(List.of("en.personal_attack.bare-verdict"),
                ruleIds(ruleset.judge("Pathetic.", "en", JudgingContext.REPLY)));
        assertEquals(Decision.REVIEW, ruleset.judge("Pathetic.", null, JudgingContext.REPLY).decision());
        assertEquals(Decision.ALLOW, ruleset.judge("Pathetic.", "en", JudgingContext.TOP_LEVEL).decision());
        // the two-argument judge is the top-level case
        assertEquals(List.of(), ruleset.judge("Pathetic.", "en").matches());
        // a rule without a scope applies wherever the comment stands
        for (JudgingContext context : JudgingContext.values()) {
            assertEquals(List.of("en.personal_attack.you-insult"),
                    ruleIds(ruleset.judge("You idiot!", "en", context)), context.name());
        }
    }

    @Test
    void aReplyOnlyRulesExamplesAreJudgedAsReplies() {
        // "Pathetic." never matches at top level, so a noMatch example can only fail when judged as a reply
        RulesetException e = assertThrows(RulesetException.class,
                () -> Ruleset.load(RuleDirs.write(dir, "en/attacks.yaml", replyRule("reply", "Pathetic!"))));
        assertEquals("en.personal_attack.bare-verdict", e.getRuleId());
        assertEquals("Pathetic!", e.getExample());
    }

    @Test
    void refusesAnUnknownScopeNamingFileAndRule() {
        RulesetException e = assertThrows(RulesetException.class,
                () -> Ruleset.load(RuleDirs.write(dir, "en/attacks.yaml", replyRule("thread", "a pathetic try"))));
        assertEquals("en/attacks.yaml", e.getFile());
        assertEquals("en.personal_attack.bare-verdict", e.getRuleId());
        assertTrue(e.getMessage().contains("unknown scope \"thread\""), e.getMessage());
    }

    @Test
    void theShippedRulesHoldABareAdjectiveOnlyAsAReplyAndYouIdiotEverywhere() throws RulesetException {
        Ruleset shipped = Ruleset.load(Path.of("rules"));
        for (String verdictOnPerson : List.of("Pathetic.", "Clueless!", "moronic")) {
            assertEquals(Decision.REVIEW, shipped.judge(verdictOnPerson, null, JudgingContext.REPLY).decision(),
                    verdictOnPerson);
            assertEquals(Decision.ALLOW, shipped.judge(verdictOnPerson, null, JudgingContext.TOP_LEVEL).decision(),
                    verdictOnPerson);
        }
        for (JudgingContext context : JudgingContext.values()) {
            Verdict youIdiot = shipped.judge("You idiot!", null, context);
            assertEquals(Decision.REVIEW, youIdiot.decision(), context.name());
            assertTrue(ruleIds(youIdiot).contains("en.personal_attack.bare-insult"), context.name());
        }
    }
}
