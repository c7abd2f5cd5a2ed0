package news.moderation.engine.normalize;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class NfkcTextTest {
    /** Accents and emoji are their own NFKC: the patterns read the original, not a copy of it. */
    @Test
    void textThatNfkcKeepsIsNotCopied() {
        String original = "Café au lait 😀, señor: call 0123 456 789";
        NfkcText nfkc = NfkcText.of(original, false);
        assertSame(original, nfkc.text());
        int call = original.indexOf("call");
        assertEquals(call, nfkc.originalStart(call));
        assertEquals(original.length(), nfkc.originalEnd(original.length() - 1));
    }

    /** From the first char NFKC changes on, offsets map back to the original, a surrogate pair as one. */
    @Test
    void changedTextMapsBackToTheOriginal() {
        String original = "é 😀 tel ０１２ 𝟓 ok";
        NfkcText nfkc = NfkcText.of(original, false);
        assertEquals("é 😀 tel 012 5 ok", nfkc.text());
        int zero = nfkc.text().indexOf('0');
        assertEquals(original.indexOf('０'), nfkc.originalStart(zero));
        assertEquals(original.indexOf('２') + 1, nfkc.originalEnd(zero + 2));
        int five = nfkc.text().indexOf('5');
        assertEquals(original.indexOf("𝟓"), nfkc.originalStart(five));
        assertEquals(original.indexOf("𝟓") + 2, nfkc.originalEnd(five));
        int emoji = original.indexOf("😀");
        assertEquals(emoji, nfkc.originalStart(emoji));
        assertEquals(emoji + 2, nfkc.originalEnd(emoji + 1));
        assertEquals(original.length(), nfkc.originalEnd(nfkc.text().length() - 1));
    }
}
