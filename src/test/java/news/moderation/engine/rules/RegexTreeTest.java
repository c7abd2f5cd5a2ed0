package news.moderation.engine.rules;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pattern is read once, into one syntax tree, and the compile budget, the footprint and the refusals agree. */
class RegexTreeTest {

    /**
     * Chars that would open a possessive quantifier or a look-ahead elsewhere are plain chars inside a class or after
     * a backslash, as re2j reads them (a scan of the source text for "*+" or "(?=" refused these).
     */
    @Test
    void quantifierAndGroupCharsInAClassOrEscapedArePlainChars() {
        for (String[] regexAndText : List.of(new String[] {"[*+?]\\d", "+1"}, new String[] {"[(?=]\\d", "=2"},
                new String[] {"\\(?=\\d", "(=3"}, new String[] {"a\\++b", "a++b"})) {
            PatternCompiler.CompiledPattern compiled = PatternCompiler.compile(regexAndText[0]);
            assertTrue(compiled.pattern().matcher(regexAndText[1]).find(), regexAndText[0]);
            assertTrue(compiled.footprint().mayMatch(regexAndText[1]), regexAndText[0]);
        }
    }

    /** The budget adds up the tree: chars and classes 1, a group 2 more, an alternative 1 more, a copy 1 more. */
    @Test
    void theBudgetIsCountedOverTheTree() {
        assertEquals(3, CompileBudget.check(RegexTree.parse("a\\d.")));
        assertEquals(6, CompileBudget.check(RegexTree.parse("(?i)(?:ab|c)")));
        assertEquals(318, CompileBudget.check(RegexTree.parse("(?:ab|c{50}){3}")));
        assertEquals(3, CompileBudget.check(RegexTree.parse("a+?\\b")));
        IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
                () -> CompileBudget.check(RegexTree.parse("(?:x(?:ab|c{50}){30})")));
        assertTrue(nested.getMessage().contains("nested repeat counts multiply to 1500"), nested.getMessage());
    }

    /** Every shipped pattern is far within the budget, and its footprint is the one its tree gives. */
    @Test
    void shippedPatternsFitTheBudget() throws Exception {
        List<PatternRule> patterns = RulesetCompiler.compile(RuleFiles.read(Path.of("rules"))).patterns();
        assertTrue(Files.isDirectory(Path.of("rules")) && !patterns.isEmpty());
        for (PatternRule pattern : patterns) {
            long size = CompileBudget.check(RegexTree.parse(pattern.pattern().pattern()));
            assertTrue(size > 0 && size < CompileBudget.MAX_PROGRAM_SIZE / 4,
                    pattern.pattern().pattern() + ": " + size);
        }
    }

    /** A class with non-ASCII members keeps its ASCII ones, and the letters (?i) folds a non-ASCII member into. */
    @Test
    void aClassWithNonAsciiMembersKnowsItsAsciiOnes() {
        RegexTree.OneOf accented = (RegexTree.OneOf) ((RegexTree.Sequence) RegexTree.parse("[A-Za-zÀ-ÿ]").root())
                .parts().get(0);
        assertEquals(null, accented.ascii());
        assertEquals(AsciiSet.LETTERS, accented.asciiMembers());
        RegexTree.OneOf latinExtended = (RegexTree.OneOf) ((RegexTree.Sequence) RegexTree.parse("[0À-ſ]").root())
                .parts().get(0);
        assertEquals(AsciiSet.of('0').union(AsciiSet.of('s')), latinExtended.asciiMembers());
        RegexTree.OneOf negated = (RegexTree.OneOf) ((RegexTree.Sequence) RegexTree.parse("[^a]").root())
                .parts().get(0);
        assertEquals(RegexTree.OneOf.ANY, negated);
    }

    @Test
    void caseFoldingComesFromFlagGroupsOnly() {
        assertTrue(RegexTree.parse("(?i)street").ignoresCase());
        assertTrue(RegexTree.parse("(?si)a.b").ignoresCase());
        assertTrue(RegexTree.parse("x(?i:iban)").ignoresCase());
        assertFalse(RegexTree.parse("(?s-i)a.b").ignoresCase());
        assertFalse(RegexTree.parse("(?P<ident>\\d+)").ignoresCase());
        assertFalse(RegexTree.parse("\\(?i\\d").ignoresCase(), "an escaped '(' opens no flag group");
        assertFalse(RegexTree.parse("[(?i]\\d").ignoresCase(), "nor does one in a class");
    }

    @Test
    void aCloseWithoutAnOpenIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RegexTree.parse("a)b"));
        assertTrue(e.getMessage().contains("the ')' at index 1 closes no group"), e.getMessage());
    }
}
