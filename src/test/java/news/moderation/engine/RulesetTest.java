package news.moderation.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Judging with the small fixture ruleset in src/test/resources/engine/basic. */
class RulesetTest {
    static final Path BASIC = Path.of("src/test/resources/engine/basic");
    private static Ruleset ruleset;

    @BeforeAll
    static void load() throws RulesetException {
        ruleset = Ruleset.load(BASIC);
    }

    private static List<String> ruleIds(String text) {
        return ruleset.judge(text, "en").matches().stream().map(Match::ruleId).toList();
    }

    private static Match onlyMatch(String text) {
        List<Match> matches = ruleset.judge(text, "en").matches();
        assertEquals(1, matches.size(), () -> "matches of \"" + text + "\": " + matches);
        return matches.get(0);
    }

    @Test
    void loadsTheFixtureAndReportsStats() {
        RulesetStats stats = ruleset.stats();
        assertEquals(10, stats.files());
        assertEquals(java.util.Set.of("en", "de", "any"), stats.languages());
        assertTrue(ruleset.version().matches("sha256:[0-9a-f]{16}"));
        assertEquals(10, stats.allowTerms());
        assertEquals(14, stats.rules());
        assertEquals(6, stats.phrases());
        assertEquals(2, stats.patterns());
        assertEquals(13, stats.terms());
    }

    @Test
    void cleanCommentIsAllowedWithoutMatches() {
        Verdict verdict = ruleset.judge("What a lovely article, thank you!", null);
        assertEquals(Decision.ALLOW, verdict.decision());
        assertTrue(verdict.matches().isEmpty());
        assertEquals(ruleset.version(), verdict.rulesetVersion());
    }

    @Test
    void reportsDisguisedWordsWithOriginalOffsetsAndExcerpt() {
        String text = "well what the F*CK was that";
        Match match = onlyMatch(text);
        assertEquals("en.obscene.fuck", match.ruleId());
        assertEquals(Category.OBSCENE, match.category());
        assertEquals(Severity.HIGH, match.severity());
        assertEquals(text.indexOf("F*CK"), match.start());
        assertEquals("F*CK", match.excerpt());
        assertEquals("f\u200Bu\u200Bc\u200Bk", onlyMatch("oh f\u200Bu\u200Bc\u200Bk off").excerpt());
        assertEquals("𝐟𝐮𝐜𝐤𝐢𝐧𝐠", onlyMatch("so 𝐟𝐮𝐜𝐤𝐢𝐧𝐠 good").excerpt());
        assertEquals("F.U.C.K", onlyMatch("F.U.C.K!").excerpt());
        assertEquals("f**king", onlyMatch("this f**king thing").excerpt());
        assertEquals("sh!t", onlyMatch("oh sh!t").excerpt());
        assertEquals("ƒսck", onlyMatch("ƒսck").excerpt());
    }

    @Test
    void insistsOnLettersTheTermReallyDoubles() {
        assertEquals(List.of(), ruleIds("as if I care"));
        assertEquals(List.of("en.obscene.ass"), ruleIds("what an assss"));
        assertEquals(List.of("en.obscene.ass"), ruleIds("kiss my a$$"));
    }

    @Test
    void allowListSuppressesHitsInsideAllowedWordsOnly() {
        // "*cunt*" is an infix term: it hits inside "Scunthorpe", which the allow-list covers
        assertEquals(List.of(), ruleIds("Scunthorpe United won"));
        assertEquals(List.of("en.obscene.cunt"), ruleIds("Scunthorpe is full of cunts"));
        assertEquals(List.of(), ruleIds("cocktails at the Sussex assassins club with shiitake"));
        assertEquals(List.of("en.obscene.cock"), ruleIds("a cocktail for your c0ck"));
    }

    @Test
    void mergesOverlappingHitsOfTheSameRule() {
        // "fuck" and "fuck*" both hit here; one match remains
        Verdict verdict = ruleset.judge("fuck", "en");
        assertEquals(1, verdict.matches().size());
        assertEquals(2, ruleset.judge("fuck this, fuck that", "en").matches().size());
    }

    @Test
    void findsSecondPersonPlusInsult() {
        Match match = onlyMatch("Honestly, you are such a MORON.");
        assertEquals("en.personal_attack.you-are-insult", match.ruleId());
        assertEquals("you are such a MORON", match.excerpt());
        assertEquals("@john_doe is a clown", onlyMatch("lol @john_doe is a clown").excerpt());
        assertEquals("en.personal_attack.go-back-to-school", onlyMatch("go back to school, idiot").ruleId());
        assertEquals(List.of(), ruleIds("my brother is not an idiot"));
    }

    @Test
    void findsGroupPlusDehumanisingPredicate() {
        Match match = onlyMatch("I think immigrants are basically parasites");
        assertEquals("en.derogatory.group-dehumanised", match.ruleId());
        assertEquals("immigrants are basically parasites", match.excerpt());
        assertEquals(Decision.REJECT, ruleset.judge("Immigrants are vermin", "en").decision());
        assertEquals(List.of(), ruleIds("immigrants are welcome here"));
    }

    @Test
    void findsThreatsAndAppliesTheCategoryPolicy() {
        Verdict verdict = ruleset.judge("I will find you and hurt you", "en");
        assertEquals(List.of(Category.THREAT), verdict.categories());
        assertEquals(Decision.REJECT, verdict.decision()); // threat: medium -> REJECT per policy.yaml
        assertEquals("someone should shoot him", onlyMatch("someone should shoot him").excerpt());
    }

    @Test
    void findsPersonalDataOnTheOriginalText() {
        String text = "mail me: john.doe@example.com or call +1 (555) 123-4567";
        Verdict verdict = ruleset.judge(text, "en");
        assertEquals(List.of("any.personal_data.email", "any.personal_data.phone"),
                verdict.matches().stream().map(Match::ruleId).toList());
        assertEquals("john.doe@example.com", verdict.matches().get(0).excerpt());
        assertEquals("+1 (555) 123-4567", verdict.matches().get(1).excerpt());
        assertEquals(Decision.REVIEW, verdict.decision()); // personal_data: always REVIEW per policy.yaml
        String fullwidth = "tel ０１２３ ４５６ ７８９ ok";
        assertEquals("０１２３ ４５６ ７８９", onlyMatch(fullwidth).excerpt());
    }

    @Test
    void findsPersonalDataAfterMoreDigitsThanTheAnchoredSearchTries() {
        String scores = String.join(", ", java.util.stream.IntStream.range(0, 40).mapToObj(String::valueOf).toList());
        String text = "scores " + scores + ", call +1 (555) 123-4567 or 555-987-6543";
        List<Match> matches = ruleset.judge(text, "en").matches();
        assertEquals(List.of("+1 (555) 123-4567", "555-987-6543"), matches.stream()
                .filter(m -> m.ruleId().equals("any.personal_data.phone")).map(Match::excerpt).toList());
    }

    @Test
    void strictestDecisionAndSortedDistinctCategories() {
        Verdict verdict = ruleset.judge("you are a moron, fuck off, shit, call 555-123-4567", "en");
        assertEquals(Decision.REJECT, verdict.decision());
        assertEquals(List.of(Category.OBSCENE, Category.PERSONAL_ATTACK, Category.PERSONAL_DATA),
                verdict.categories());
        List<Integer> starts = verdict.matches().stream().map(Match::start).toList();
        assertEquals(starts.stream().sorted().toList(), starts);
    }

    @Test
    void selectsLanguagesFromTheLangParameter() {
        String german = "So eine Scheiße!";
        assertEquals(List.of(), ruleset.judge(german, "en").matches());
        assertEquals("Scheiße", ruleset.judge(german, "de").matches().get(0).excerpt());
        assertEquals(1, ruleset.judge(german, null).matches().size()); // no lang: every language
        assertEquals(1, ruleset.judge(german, "xx").matches().size()); // unknown lang: every language
        assertEquals(1, ruleset.judge("call 555-123-4567", "de").matches().size()); // "any" always applies
    }

    @Test
    void masksMatchedSpansKeepingLengthAndSpaces() {
        String text = "F U C K this, a$$";
        Verdict verdict = ruleset.judge(text, "en");
        String masked = ruleset.mask(text, verdict);
        assertEquals("# # # # this, ###", masked);
        assertEquals(text.length(), masked.length());
    }

    @Test
    void ordinaryWordsAreNotJoinedOrMangled() {
        for (String clean : List.of("a fine flock of birds", "f u n", "as a class", "the 555 area code",
                "Penistone and Matsushita", "the therapist said", "Dickens wrote", "shift work", "a cat is here")) {
            assertFalse(ruleset.judge(clean, null).matches().stream()
                    .anyMatch(m -> m.category() == Category.OBSCENE), clean);
        }
    }
}
