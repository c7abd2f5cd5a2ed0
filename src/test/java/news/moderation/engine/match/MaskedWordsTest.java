package news.moderation.engine.match;

import org.junit.jupiter.api.Test;

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
    void aVeryLongWordCostsOneStepPerElementAndEndsEarly() {
        String glob = "f?ck" + "a?".repeat(500_000);
        assertTrue(MaskedWords.canSpell(glob, "fuck", true));
        assertFalse(MaskedWords.canSpell(glob, "fuck", false));
    }
}
