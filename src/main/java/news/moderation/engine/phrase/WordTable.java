package news.moderation.engine.phrase;

import java.util.Arrays;
import java.util.Map;

/**
 * Word → symbols: every word of the normalised text is looked up once, by its chars in place (no substring), in
 * one open-addressing hash of whole words; word prefixes ("loser*") are looked up on the way, one probe per prefix
 * length the ruleset uses, with the same running hash.
 */
final class WordTable {
    private final Table whole;
    private final Table prefixes;
    private final boolean[] isPrefixLength;

    WordTable(Map<String, int[]> wholeWords, Map<String, int[]> wordPrefixes) {
        whole = new Table(wholeWords);
        prefixes = new Table(wordPrefixes);
        int longest = wordPrefixes.keySet().stream().mapToInt(String::length).max().orElse(0);
        isPrefixLength = new boolean[longest + 1];
        wordPrefixes.keySet().forEach(prefix -> isPrefixLength[prefix.length()] = true);
    }

    /**
     * Writes the symbols of {@code text[start, end)} into {@code into} (grown when needed).
     *
     * @return the number of symbols written, 0 for a word no phrase mentions
     */
    int lookup(String text, int start, int end, int[][] into) {
        int hash = 0;
        int count = 0;
        int longestPrefix = Math.min(end - start, isPrefixLength.length - 1);
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
            int length = i - start + 1;
            if (length <= longestPrefix && isPrefixLength[length]) {
                count = append(prefixes.get(text, start, i + 1, hash), into, count);
            }
        }
        return append(whole.get(text, start, end, hash), into, count);
    }

    private static int append(int[] symbols, int[][] into, int count) {
        if (symbols == null) {
            return count;
        }
        if (count + symbols.length > into[0].length) {
            into[0] = Arrays.copyOf(into[0], Math.max(2 * into[0].length, count + symbols.length));
        }
        System.arraycopy(symbols, 0, into[0], count, symbols.length);
        return count + symbols.length;
    }

    /** Open addressing, linear probing, keys compared char by char against the text. */
    private static final class Table {
        private final String[] keys;
        private final int[][] values;
        private final int mask;

        Table(Map<String, int[]> entries) {
            int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2) - 1) << 1;
            keys = new String[capacity];
            values = new int[capacity][];
            mask = capacity - 1;
            entries.forEach((key, symbols) -> {
                int slot = spread(key.hashCode()) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                values[slot] = symbols;
            });
        }

        /** @param hash {@code text.substring(start, end).hashCode()} */
        int[] get(String text, int start, int end, int hash) {
            for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
                String key = keys[slot];
                if (key.length() == end - start && key.regionMatches(0, text, start, end - start)) {
                    return values[slot];
                }
            }
            return null;
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }
}
