package news.moderation.engine.phrase;

import java.util.Arrays;
import java.util.Map;

/**
 * Word → symbols: every word of the normalised text is looked up once, by its chars in place (no substring), in
 * one open-addressing hash of whole words; word prefixes ("loser*") are looked up on the way with the same running
 * hash, one probe per prefix length the ruleset uses, for as long as the chars read so far begin some prefix (a
 * filter of the hashes of every beginning of a prefix tells; most words leave it after a char or two).
 */
final class WordTable {
    private final Table whole;
    private final Table prefixes;
    private final boolean[] isPrefixLength;
    /** A bit per hash of a proper beginning of a prefix ("l" to "lose" of "loser*"); a false positive costs a probe. */
    private final long[] prefixBeginnings;
    private final int beginningMask;

    WordTable(Map<String, int[]> wholeWords, Map<String, int[]> wordPrefixes) {
        whole = new Table(wholeWords);
        prefixes = new Table(wordPrefixes);
        int longest = wordPrefixes.keySet().stream().mapToInt(String::length).max().orElse(0);
        isPrefixLength = new boolean[longest + 1];
        wordPrefixes.keySet().forEach(prefix -> isPrefixLength[prefix.length()] = true);
        int beginnings = wordPrefixes.keySet().stream().mapToInt(String::length).sum();
        int bits = Integer.highestOneBit(Math.max(64, beginnings * 16) - 1) << 1;
        prefixBeginnings = new long[bits >>> 6];
        beginningMask = bits - 1;
        for (String prefix : wordPrefixes.keySet()) {
            for (int length = 1; length < prefix.length(); length++) {
                int bit = beginningBit(prefix.substring(0, length).hashCode());
                prefixBeginnings[bit >>> 6] |= 1L << bit;
            }
        }
    }

    private int beginningBit(int hash) {
        return (hash * 0x9E3779B9 >>> 7) & beginningMask;
    }

    private boolean mayBeginPrefix(int hash) {
        int bit = beginningBit(hash);
        return (prefixBeginnings[bit >>> 6] >>> bit & 1) != 0; // the shift counts modulo 64
    }

    /**
     * Writes the symbols of {@code text[start, end)} into {@code into} (grown when needed).
     *
     * @param hash {@code text.substring(start, end).hashCode()}, worked out by the caller while finding the word's end
     * @return the number of symbols written, 0 for a word no phrase mentions
     */
    int lookup(String text, int start, int end, int hash, int[][] into) {
        int count = 0;
        int longestPrefix = Math.min(end - start, isPrefixLength.length - 1);
        int prefixHash = 0;
        for (int length = 1; length <= longestPrefix; length++) {
            prefixHash = 31 * prefixHash + text.charAt(start + length - 1);
            if (isPrefixLength[length]) {
                count = append(prefixes.get(text, start, start + length, prefixHash), into, count);
            }
            if (!mayBeginPrefix(prefixHash)) {
                break;
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

    /**
     * Open addressing, linear probing; a key is compared char by char against the text when its hash is equal. Most
     * words of a comment are in no list: a filter of one bit per hash (small enough to stay in the first-level
     * cache, unlike the table) answers most of them without a probe.
     */
    private static final class Table {
        private final long[] filter;
        private final int filterMask;
        private final String[] keys;
        private final int[] hashes;
        private final int[][] values;
        private final int mask;

        Table(Map<String, int[]> entries) {
            int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2) - 1) << 1;
            int filterBits = Integer.highestOneBit(Math.max(64, entries.size() * 8) - 1) << 1;
            filter = new long[filterBits >>> 6];
            filterMask = filterBits - 1;
            keys = new String[capacity];
            hashes = new int[capacity];
            values = new int[capacity][];
            mask = capacity - 1;
            entries.forEach((key, symbols) -> {
                int slot = spread(key.hashCode()) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                hashes[slot] = key.hashCode();
                int bit = filterBit(key.hashCode());
                filter[bit >>> 6] |= 1L << bit;
                values[slot] = symbols;
            });
        }

        /** @param hash {@code text.substring(start, end).hashCode()} */
        int[] get(String text, int start, int end, int hash) {
            int bit = filterBit(hash);
            if ((filter[bit >>> 6] >>> bit & 1) == 0) { // the shift counts modulo 64
                return null;
            }
            for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
                String key = keys[slot];
                if (hashes[slot] == hash && key.length() == end - start
                        && key.regionMatches(0, text, start, end - start)) {
                    return values[slot];
                }
            }
            return null;
        }

        private int filterBit(int hash) {
            return (hash * 0x9E3779B9 >>> 11) & filterMask;
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }
}
