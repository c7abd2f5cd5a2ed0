package news.moderation.platform.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import news.moderation.platform.validation.TextRules.Kind;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(strings = { "Ada", "Émile Zola", "u-42", "山田太郎", "Ahmed 😀", "a b", "O'Brien-Smith" })
    void ordinaryNamesAndIdsAreAllowed(String name) {
        assertTrue(TextRules.allows(Kind.NAME_OR_ID, name));
    }

    @ParameterizedTest
    @ValueSource(strings = { "a\u0000", "a\n", "a\t", "a\u007f", "a\u0085", "evil\u202egnp.exe", "a\u202ab", "a\u2066b",
            "a\u200eb", "zero\u200bwidth", "a\u200db", "a\ufeff", "a\u00ad", "a\u2028b", "a\u2029b", "a\ufdd0",
            "a\ufffe", "a\uffff", "a\ud83f\udffe", "a\udbff\udfff", "half \ud800", "half \udc00 x" })
    void invisibleDirectionChangingControlAndBrokenCharactersAreRefusedInNamesAndIds(String name) {
        assertFalse(TextRules.allows(Kind.NAME_OR_ID, name));
    }

    @ParameterizedTest
    @ValueSource(strings = { "evil\u202egnp.exe", "zero\u200bwidth", "line\u2028separator", "two\nlines\ttab" })
    void bodiesKeepInvisibleCharactersForTheEngine(String body) {
        assertTrue(TextRules.allows(Kind.MULTILINE, body));
    }

    @ParameterizedTest
    @ValueSource(strings = { "bell\u0007", "nul\u0000", "half \ud800", "\ufdd0", "a\ud83f\udfff" })
    void bodiesStillRefuseControlCharactersBrokenSurrogatesAndNonCharacters(String body) {
        assertFalse(TextRules.allows(Kind.MULTILINE, body));
        assertFalse(TextRules.allows(Kind.LINE, body));
    }

    @ParameterizedTest
    @ValueSource(strings = { "two\nlines", "tab\there" })
    void oneLineOfTextHasNoLineBreaks(String text) {
        assertFalse(TextRules.allows(Kind.LINE, text));
        assertTrue(TextRules.allows(Kind.MULTILINE, text));
    }
}
