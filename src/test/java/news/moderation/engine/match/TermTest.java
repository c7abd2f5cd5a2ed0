package news.moderation.engine.match;

import news.moderation.engine.normalize.Normalizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a term is read when its l's were typed as 1, which the normaliser reads as i. */
class TermTest {

    private static List<String> keys(List<Term> terms) {
        return terms.stream().map(Term::key).toList();
    }

    @Test
    void everyChoiceOfItsLsIsReadAsIAndTheFormAndDoublesAreKept() {
        assertEquals(List.of("siut"), keys(Term.parse("slut").withLsTypedAsOne()));
        assertEquals(List.of("iol", "loi", "ioi"), keys(Term.parse("lol").withLsTypedAsOne()));
        Term bollocks = Term.parse("bollocks*");
        Term read = bollocks.withLsTypedAsOne().get(0);
        assertEquals("boiocks", read.key());
        assertEquals(Term.Kind.PREFIX, read.kind());
        assertArrayEquals(bollocks.doubled(), read.doubled(), "bo11ocks doubles its i as bollocks its l");
    }

    @Test
    void aTermWithoutAnLOrWithVeryManyIsLookedForAsWrittenOnly() {
        assertEquals(List.of(), Term.parse("fuck").withLsTypedAsOne());
        assertEquals(List.of(), Term.parse("lalalalal").withLsTypedAsOne());
        assertEquals(List.of(), Term.parse("clit").withLsTypedAsOne(), "c1it collapses to cit: no reading finds it");
    }

    @Test
    void aReadingIsFoundOnlyWhereTheTextTypedTheOne() {
        Term siut = Term.parse("slut").withLsTypedAsOne().get(0);
        assertTrue(siut.onesMatch(Normalizer.normalize("s1ut"), 0));
        assertTrue(siut.onesMatch(Normalizer.normalize("S|UT"), 0));
        assertFalse(siut.onesMatch(Normalizer.normalize("siut"), 0), "an i typed as i");
    }
}
