package news.moderation.engine.phrase;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Word lookups on both sides of the short key (a word of at most 7 chars below 256, compared as one long) and the
 * long form (compared char by char): every key is found with its own symbols, and a word that differs from a key by
 * a char, by its length or only in chars whose hash is equal is not.
 */
class WordTableTest {
    /** "aÿ" and "bà" have the same String hash (31 * 'a' + 'ÿ' == 31 * 'b' + 'à'), and so do their longer forms. */
    private static final String SHORT_KEY = "aÿ";
    private static final String SHORT_TWIN = "bà";
    private static final String LONG_KEY = "aÿcdefghij";
    private static final String LONG_TWIN = "bàcdefghij";

    private final Map<String, int[]> keys = new LinkedHashMap<>();
    private final WordTable table;

    WordTableTest() {
        String[] words = {"a", "you", "idiot", "1234567", "12345678", "schweinehund", "éèàéèàé", "дурак", "éèàéèàéè",
            SHORT_KEY, LONG_KEY};
        for (int k = 0; k < words.length; k++) {
            keys.put(words[k], new int[] {k});
        }
        table = new WordTable(keys, Map.of("loser", new int[] {words.length}), -1);
    }

    @Test
    void everyKeyHasItsOwnSymbols() {
        assertEquals(SHORT_KEY.hashCode(), SHORT_TWIN.hashCode());
        assertEquals(LONG_KEY.hashCode(), LONG_TWIN.hashCode());
        keys.forEach((word, symbols) -> assertArrayEquals(symbols, symbolsOf(word), word));
        assertArrayEquals(new int[] {keys.size()}, symbolsOf("losers"), "a word that begins with a prefix");
    }

    @Test
    void wordsThatOnlyLookLikeAKeyHaveNone() {
        for (String word : new String[] {"yo", "youu", "idiots", "123456", "123456789", "1234568", "12345679",
            "schweinehun", "éèàéèàè", "дура", "éèàéèàéé", SHORT_TWIN, LONG_TWIN, "lose"}) {
            assertArrayEquals(new int[0], symbolsOf(word), word);
        }
    }

    /** Prefixes of one char and of two: a word is tested against them whatever its second char. */
    @Test
    void shortPrefixes() {
        WordTable shortPrefixes = new WordTable(Map.of(), Map.of("z", new int[] {0}, "qu", new int[] {1}), -1);
        assertArrayEquals(new int[] {0}, symbolsOf(shortPrefixes, "z"));
        assertArrayEquals(new int[] {0}, symbolsOf(shortPrefixes, "zé"));
        assertArrayEquals(new int[] {0}, symbolsOf(shortPrefixes, "zzzz"));
        assertArrayEquals(new int[] {1}, symbolsOf(shortPrefixes, "quit"));
        assertArrayEquals(new int[0], symbolsOf(shortPrefixes, "q"));
        assertArrayEquals(new int[0], symbolsOf(shortPrefixes, "qa"));
        assertArrayEquals(new int[0], symbolsOf(shortPrefixes, "az"));
    }

    private int[] symbolsOf(String word) {
        return symbolsOf(table, word);
    }

    /** The word alone in a text with other words around it, looked up the way the scan does. */
    private static int[] symbolsOf(WordTable table, String word) {
        String text = "x " + word + " y";
        int start = 2;
        int end = start + word.length();
        return table.symbols(table.classOf(text, start, end, word.hashCode(), WordTable.shortKey(text, start, end)));
    }
}
