package news.moderation.engine.match;

import news.moderation.engine.normalize.Normalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which globs of self-censored words spell which terms ('?' one letter, '%' zero or more, after a '?'). */
class MaskedWordsTest {

    @Test
    void aSingleMaskIsOneLetterAndARunIsOneOrMore() {
        assertTrue(MaskedWords.canSpell("f?ck", "fuck", false));
        assertFalse(MaskedWords.canSpell("f?ck", "fck", false));
        assertFalse(MaskedWords.canSpell("f?ck", "fuuck", false));
        assertTrue(MaskedWords.canSpell("f?%k", "fuck", false));
        assertTrue(MaskedWords.canSpell("f?%k", "fuk", false));
        assertFalse(MaskedWords.canSpell("f?%k", "fk", false));
        assertTrue(MaskedWords.canSpell("?%it", "shit", false));
        assertTrue(MaskedWords.canSpell("sh?t", "shot", false));
        assertFalse(MaskedWords.canSpell("sh?t", "shoot", false));
    }

    @Test
    void aPrefixTermTakesAnyEndingButAWholeTermNone() {
        assertTrue(MaskedWords.canSpell("f?ckingidiots", "fuck", true));
        assertFalse(MaskedWords.canSpell("f?ckingidiots", "fuck", false));
        assertTrue(MaskedWords.canSpell("f?%", "fuck", true));
        assertTrue(MaskedWords.canSpell("f?%", "fuck", false));
        assertFalse(MaskedWords.canSpell("f?", "fuck", false));
        assertFalse(MaskedWords.canSpell("g?ck", "fuck", true));
    }

    @Test
    void aMaskRunDoesNotSpellAPrefixTermWhoseEndingTheWordContradicts() {
        // "***warning", "n**2": the run could stand for the whole term, but what follows is no ending of it
        assertFalse(MaskedWords.canSpell("?%warning", "nigger", true));
        assertFalse(MaskedWords.canSpell("?%warning", "fuck", true));
        assertFalse(MaskedWords.canSpell("?%warning", "shitshow", true));
        assertTrue(MaskedWords.canSpell("?%itshow", "shitshow", true));
        // a run after a letter of the term, the word's end, or the term's own letters still spell it
        assertTrue(MaskedWords.canSpell("f?%king", "fuck", true));
        assertTrue(MaskedWords.canSpell("f?%ing", "fuck", true));
        assertTrue(MaskedWords.canSpell("f?%kers", "fuck", true));
        assertTrue(MaskedWords.canSpell("n?%ers", "nigger", true));
        assertTrue(MaskedWords.canSpell("fu?%", "fuck", true));
    }

    @Test
    void aWordWithADigitIsANumberNotAMaskedWord() {
        MaskedWords masked = new MaskedWords(List.of(
                new TermEntry(Term.parse("nigger*"), TermEntry.Role.RULE, 0, 1L),
                new TermEntry(Term.parse("cunt*"), TermEntry.Role.RULE, 1, 1L)));
        List<Integer> hits = new ArrayList<>();
        TermHits collect = collector(hits);
        masked.scan(Normalizer.normalize("O(n + n**2) per tab, c**2"), 1L, collect);
        assertEquals(List.of(), hits);
        masked.scan(Normalizer.normalize("n**gers and c*nts"), 1L, collect);
        assertEquals(List.of(0, 1), hits);
    }

    @Test
    void oneStarOpeningAWordIsEmphasis() {
        MaskedWords masked = new MaskedWords(List.of(new TermEntry(Term.parse("fuck*"), TermEntry.Role.RULE, 0, 1L)));
        List<Integer> hits = new ArrayList<>();
        masked.scan(Normalizer.normalize("Oh, right, *uck this*!"), 1L, collector(hits));
        assertEquals(List.of(), hits);
        masked.scan(Normalizer.normalize("what the f*ck"), 1L, collector(hits));
        assertEquals(List.of(0), hits);
    }

    @Test
    void aVeryLongWordCostsOneStepPerElementAndEndsEarly() {
        String glob = "f?ck" + "a?".repeat(500_000);
        assertTrue(MaskedWords.canSpell(glob, "fuck", true));
        assertFalse(MaskedWords.canSpell(glob, "fuck", false));
    }

    /** Collects the rule indexes of the hits. */
    private static TermHits collector(List<Integer> hits) {
        return new TermHits() {
            @Override
            public void ruleHit(int rule, int start, int end) {
                hits.add(rule);
            }

            @Override
            public void allowed(int start, int end) {
            }

            @Override
            public void markerSeen(int markerGroup) {
            }
        };
    }
}
