package news.moderation.engine.rules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegexFootprintTest {
    private static final String PHONE = "\\+?\\d[\\d ()-]{7,}\\d";
    private static final String EMAIL = "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}";

    @Test
    void aPhonePatternNeedsARunOfDigitsNotJustADigit() {
        RegexFootprint phone = RegexFootprint.of(PHONE);
        assertEquals(9, phone.minLength());
        assertFalse(phone.mayMatch("back in 1987 and again in 2003, 12 times"));
        assertTrue(phone.mayMatch("call +1 (555) 123-4567"));
    }

    @Test
    void anEmailPatternNeedsAnAt() {
        RegexFootprint email = RegexFootprint.of(EMAIL);
        assertEquals(AsciiSet.of('@'), email.required());
        assertFalse(email.mayMatch("no address in this long sentence at all"));
        assertTrue(email.mayMatch("me@example.org"));
    }

    @Test
    void groupsAlternativesAndQuantifiersAreAccountedFor() {
        RegexFootprint iban = RegexFootprint.of("\\b[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}\\b");
        assertEquals(4 + 12, iban.minLength());
        RegexFootprint either = RegexFootprint.of("(?:\\+\\d{2}|00\\d{2}) ?\\d{6,}");
        assertEquals(3 + 6, either.minLength());
        // every match has an 'x' (first alternative) or a digit (second)
        assertEquals(AsciiSet.of('x').union(AsciiSet.DIGITS), RegexFootprint.of("x@y|\\d+").required());
        assertEquals(AsciiSet.of('y'), RegexFootprint.of("(?:x@)?y").required()); // the '@' is optional
        assertNull(RegexFootprint.of("\\d+.\\d+").alphabet()); // '.' may be anything
        assertTrue(RegexFootprint.of("(?i)ab{3}").mayMatch("ABBB"));
    }
}
