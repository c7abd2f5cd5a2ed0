package news.moderation.engine.phrase;

import news.moderation.engine.phrase.PhraseNode.Alternatives;
import news.moderation.engine.phrase.PhraseNode.AnyWord;
import news.moderation.engine.phrase.PhraseNode.NotWord;
import news.moderation.engine.phrase.PhraseNode.Repeat;
import news.moderation.engine.phrase.PhraseNode.SentenceBoundary;
import news.moderation.engine.phrase.PhraseNode.Sequence;
import news.moderation.engine.phrase.PhraseNode.Word;
import news.moderation.engine.phrase.PhraseNode.WordClass;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhraseParserTest {

    @Test
    void readsEveryConstructIntoOneTree() {
        PhraseNode tree = PhraseParser.parse("<s> {second_person} (are | is)? !not _*2 {insult_noun} !{x}*3 <s>");
        Sequence sequence = assertInstanceOf(Sequence.class, tree);
        assertEquals(8, sequence.elements().size());
        assertInstanceOf(SentenceBoundary.class, sequence.elements().get(0));
        assertEquals(new WordClass("second_person", 5), sequence.elements().get(1));
        Repeat optional = assertInstanceOf(Repeat.class, sequence.elements().get(2));
        assertEquals(1, optional.max());
        Alternatives choice = assertInstanceOf(Alternatives.class, optional.element());
        assertEquals(new Word("are", 22), choice.choices().get(0));
        assertEquals(new NotWord(new Word("not", 34), 33), sequence.elements().get(3));
        Repeat gap = assertInstanceOf(Repeat.class, sequence.elements().get(4));
        assertEquals(2, gap.max());
        assertInstanceOf(AnyWord.class, gap.element());
        Repeat notClass = assertInstanceOf(Repeat.class, sequence.elements().get(6));
        assertEquals(new NotWord(new WordClass("x", 57), 56), notClass.element());
        assertEquals(3, notClass.max());
    }

    @Test
    void rendersTheTreeInCanonicalForm() {
        assertEquals("{a} (b | c d)? e*3 !f !{g} _ <s>",
                PhraseParser.parse("  {a}   ( b|c  d )?  e*3 !f !{g} _ <s> ").toString());
        assertEquals("(a b)*2", PhraseParser.parse("(a b)*2").toString());
        assertEquals("(a | b c)", PhraseParser.parse("a | b c").toString());
    }

    @Test
    void keepsWordsAsWrittenForTheCompilerToNormalise() {
        assertEquals(new Word("don't", 1), PhraseParser.parse("don't"));
        assertEquals(new Word("Scheiße", 1), PhraseParser.parse("Scheiße"));
    }

    @Test
    void nestedGroupsAndAlternativesAtTheTop() {
        Alternatives top = assertInstanceOf(Alternatives.class, PhraseParser.parse("a (b | (c | d) e) | f"));
        assertEquals(2, top.choices().size());
        assertEquals("a (b | (c | d) e)", top.choices().get(0).toString());
    }

    @Test
    void everySyntaxErrorNamesItsColumn() {
        assertError("", 1, "empty");
        assertError("   ", 1, "empty");
        assertError("{insult", 1, "never closed");
        assertError("you ( are", 5, "never closed");
        assertError("you are )", 9, "without a matching");
        assertError("you ( | are)", 7, "empty alternative");
        assertError("you (are | )", 12, "empty alternative");
        assertError("you | ", 7, "empty alternative"); // the end of the phrase
        assertError("idiot*", 6, "needs a count");
        assertError("idiot*0", 7, "outside 1..8");
        assertError("idiot*9", 7, "outside 1..8");
        assertError("idiot?*2", 7, "second");
        assertError("idiot**2", 6, "needs a count");
        assertError("? idiot", 1, "unexpected '?'");
        assertError("you {Insult}", 5, "invalid class name");
        assertError("you {}", 5, "invalid class name");
        assertError("you {2x}", 5, "invalid class name");
        assertError("you ! idiot", 6, "'!' must be followed");
        assertError("you !_", 6, "'!' must be followed");
        assertError("you !(a | b)", 6, "'!' must be followed");
        assertError("<p> idiot", 1, "<s>");
        assertError("idiot }", 7, "unexpected '}'");
        assertError("((((((((((((( a )))))))))))))", 13, "nested deeper");
        assertError("a ".repeat(1001), 2000, "longer than");
    }

    private static void assertError(String phrase, int column, String problem) {
        PhraseSyntaxException e = assertThrows(PhraseSyntaxException.class, () -> PhraseParser.parse(phrase),
                phrase);
        assertEquals(column, e.column(), phrase + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), phrase + ": " + e.getMessage());
    }
}
