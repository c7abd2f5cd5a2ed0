package news.moderation.engine.normalize;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The offset map's compact form (segments), the word extents and the symbols noted, against straightforward
 * definitions.
 */
class NormalizedTextTest {

    @Test
    void plainProseMapsEveryCharToItsOwnOriginalChar() {
        String original = "Hello world, all is Fine";
        NormalizedText normalized = Normalizer.normalize(original);
        assertEquals("helo world al is fine", normalized.text());
        int[][] spans = { // start, end, run of each normalised char
                {0, 1, 1}, {1, 2, 1}, {2, 4, 2}, {4, 5, 1}, {5, 6, 1}, {6, 7, 1}, {7, 8, 1}, {8, 9, 1}, {9, 10, 1},
                {10, 11, 1}, {11, 13, 1}, {13, 14, 1}, {14, 16, 2}, {16, 17, 1}, {17, 18, 1}, {18, 19, 1},
                {19, 20, 1}, {20, 21, 1}, {21, 22, 1}, {22, 23, 1}, {23, 24, 1}};
        for (int i = 0; i < spans.length; i++) {
            assertEquals(spans[i][0], normalized.originalStart(i), "start of " + i);
            assertEquals(spans[i][1], normalized.originalEnd(i), "end of " + i);
            assertEquals(spans[i][2], normalized.run(i), "run of " + i);
        }
        // a segment ends only where a char spans more than one original char: "ll", ", " and "ll"
        assertEquals(4, normalized.segmentCount());
    }

    /** The reason for segments: plain prose costs a few bytes per char, not an int or three per char. */
    @Test
    void normalisingPlainAsciiProseAllocatesLittleMoreThanTheTextsThemselves() {
        String prose = "The quick brown fox jumps over the lazy dog, and it was all good. ".repeat(1_500);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Normalizer.normalize(prose); // class initialisation
        long before = threads.getCurrentThreadAllocatedBytes();
        NormalizedText normalized = Normalizer.normalize(prose);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(normalized.text().startsWith("the quick brown fox jumps over the lazy dog and it was al god the"));
        double perChar = (double) allocated / prose.length();
        // a copy of the input and the output chars (2 bytes each), the text (1 byte), the segments: under 8
        assertTrue(perChar < 8, "allocated " + perChar + " bytes per char");
    }

    /** Emoji and other supplementary code points are folded from a cache of arrays, not a map of boxed ints. */
    @Test
    void normalisingEmojiAllocatesLittleMoreThanTheTextsThemselves() {
        String emoji = "so funny \uD83D\uDE02\uD83D\uDE02 you \uD835\uDC1F\uD835\uDC2E\uD83D\uDC4D ".repeat(1_000);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Normalizer.normalize(emoji); // class initialisation, ICU folding of these code points
        long before = threads.getCurrentThreadAllocatedBytes();
        NormalizedText normalized = Normalizer.normalize(emoji);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(normalized.text().startsWith("so funy you fu so funy you fu"), normalized.text());
        double perChar = (double) allocated / emoji.length();
        // copies of the input and the output (2 bytes a char each), the text, the segments (a few per emoji)
        assertTrue(perChar < 12, "allocated " + perChar + " bytes per char");
    }

    @Test
    void wordExtentsAreTheRunsOfWordCharsAroundAChar() {
        Random random = new Random(11);
        String[] pieces = {"a", "b", "ab", "*", " ", "@", "_", "1", "abcdefghij"};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            int count = 1 + random.nextInt(30);
            for (int p = 0; p < count; p++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            NormalizedText normalized = new NormalizedText(text.toString(), text.toString().toCharArray(),
                    new int[] {0, 0, 1, 1}, 1, true, 0, 0);
            for (int query = 0; query < 40; query++) {
                int index = random.nextInt(text.length());
                String which = "\"" + text + "\" at " + index;
                if (random.nextBoolean()) {
                    assertEquals(bruteWordStart(text, index), normalized.wordStart(index), which);
                } else {
                    assertEquals(bruteWordEnd(text, index), normalized.wordEnd(index), which);
                }
            }
        }
    }

    private static int bruteWordStart(CharSequence text, int index) {
        int start = index;
        while (NormalizedText.isWordChar(text.charAt(index)) && start > 0
                && NormalizedText.isWordChar(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static int bruteWordEnd(CharSequence text, int index) {
        int end = index + 1;
        while (NormalizedText.isWordChar(text.charAt(index)) && end < text.length()
                && NormalizedText.isWordChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Which symbols (digits, '@', '+' ...) the original has is known from the normaliser, exactly. */
    @Test
    void theOriginalsSymbolsAreNotedAsItIsRead() {
        assertTrue(NormalizedText.isSymbol('7') && NormalizedText.isSymbol('@') && NormalizedText.isSymbol('+'));
        assertFalse(NormalizedText.isSymbol('a') || NormalizedText.isSymbol('Z') || NormalizedText.isSymbol(' ')
                || NormalizedText.isSymbol('\'') || NormalizedText.isSymbol('.') || NormalizedText.isSymbol('é'));
        // plain words, a mention, masks, single letters to join, accents, a fullwidth digit, an emoji, surrogates
        String[] pieces = {"hello", "a", "I", "it's", "f.u.c.k", "f u c k", "@john_doe", "s**t", "x", "é", "\uFF15",
            "\uD83D\uDE02", "\uD800", " ", "  "};
        Random random = new Random(23);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int p = random.nextInt(10); p > 0; p--) {
                text.append(random.nextBoolean() ? pieces[random.nextInt(pieces.length)] : (char) random.nextInt(128));
            }
            NormalizedText normalized = Normalizer.normalize(text.toString());
            for (char c = 0; c < 128; c++) {
                if (NormalizedText.isSymbol(c)) {
                    boolean noted = normalized.originalHasSymbolOf(c < 64 ? 1L << c : 0, c < 64 ? 0 : 1L << (c - 64));
                    assertEquals(text.indexOf(String.valueOf(c)) >= 0, noted, "'" + c + "' in \"" + text + "\"");
                }
            }
        }
    }
}
