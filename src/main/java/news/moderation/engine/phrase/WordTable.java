package news.moderation.engine.phrase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Word → word class: every word of the normalised text is looked up once, by its chars in place (no substring), in
 * one open-addressing hash of whole words (a short word compared as one long, {@link #shortKey}); a word that is no
 * key is looked up among the word prefixes ("loser*") only when it is as long as the shortest and its first two
 * chars begin one, then with a running hash, one probe per prefix length the ruleset uses, for as long as the chars
 * read so far begin some prefix (a filter of the hashes of every beginning of a prefix tells).
 *
 * <p>A word's class is the list of its symbols (those of the prefixes it begins with, shortest first, then its own,
 * then the mention symbol when it starts with '@'), numbered once when the table is built: every word that can
 * have symbols is a key of the table or begins with one, so the classes are known in advance, and the automaton's
 * alphabet is the few hundred distinct classes rather than the words. Class 0 is the word without symbols.
 */
final class WordTable {
    static final int NO_SYMBOLS = 0;

    private final Table whole;
    private final Table prefixes;
    private final boolean[] isPrefixLength;
    /** A bit per hash of a proper beginning of a prefix ("l" to "lose" of "loser*"); a false positive costs a probe. */
    private final long[] prefixBeginnings;
    private final int beginningMask;
    /** No word shorter than this begins with a prefix. */
    private final int shortestPrefix;
    /**
     * A bit per pair of a prefix's first two chars (each taken modulo 256; a one-char prefix marks every pair that
     * begins with it): most words that are no key begin with a pair no prefix begins with, and are answered at once.
     */
    private final long[] prefixPairs = new long[(256 * 256) >>> 6];
    /** The class of a word that begins with no prefix and is no key: with or without the mention symbol. */
    private final int mentionClass;
    private final int[][] classSymbols;

    /**
     * @param mentionSymbol the symbol of a word starting with '@', or -1
     */
    WordTable(Map<String, int[]> wholeWords, Map<String, int[]> wordPrefixes, int mentionSymbol) {
        Classes classes = new Classes(mentionSymbol);
        TreeMap<String, int[]> sortedPrefixes = new TreeMap<>(wordPrefixes);
        Map<String, Integer> wholeClasses = new HashMap<>();
        wholeWords.forEach((word, symbols) -> wholeClasses.put(word,
                classes.of(word, prefixSymbolsOf(word, sortedPrefixes), symbols)));
        Map<String, Integer> prefixClasses = new HashMap<>();
        wordPrefixes.keySet().forEach(prefix -> prefixClasses.put(prefix,
                classes.of(prefix, prefixSymbolsOf(prefix, sortedPrefixes), new int[0])));
        mentionClass = classes.of("@", List.of(), new int[0]);
        classSymbols = classes.symbols.toArray(int[][]::new);
        whole = new Table(wholeClasses);
        prefixes = new Table(prefixClasses);
        int longest = wordPrefixes.keySet().stream().mapToInt(String::length).max().orElse(0);
        isPrefixLength = new boolean[longest + 1];
        wordPrefixes.keySet().forEach(prefix -> isPrefixLength[prefix.length()] = true);
        shortestPrefix = wordPrefixes.keySet().stream().mapToInt(String::length).min().orElse(Integer.MAX_VALUE);
        for (String prefix : wordPrefixes.keySet()) {
            for (int second = 0; second < 256; second++) {
                if (prefix.length() == 1 || (prefix.charAt(1) & 0xFF) == second) {
                    int pair = pairOf(prefix.charAt(0), (char) second);
                    prefixPairs[pair >>> 6] |= 1L << pair;
                }
            }
        }
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

    /** The symbols of every prefix that {@code word} begins with (itself included), shortest first. */
    private static List<int[]> prefixSymbolsOf(String word, TreeMap<String, int[]> prefixes) {
        List<int[]> found = new ArrayList<>();
        for (int length = 1; length <= word.length(); length++) {
            int[] symbols = prefixes.get(word.substring(0, length));
            if (symbols != null) {
                found.add(symbols);
            }
        }
        return found;
    }

    /** Numbers the distinct symbol lists; the list of a word is what the phrases test it against. */
    private static final class Classes {
        final List<int[]> symbols = new ArrayList<>(List.of(new int[0]));
        final Map<List<Integer>, Integer> ids = new HashMap<>(Map.of(List.of(), NO_SYMBOLS));
        final int mentionSymbol;

        Classes(int mentionSymbol) {
            this.mentionSymbol = mentionSymbol;
        }

        /** The class of {@code word}: its prefixes' symbols, then its own, then the mention; each symbol once. */
        int of(String word, List<int[]> prefixSymbols, int[] ownSymbols) {
            List<Integer> list = new ArrayList<>();
            prefixSymbols.forEach(symbols -> addEach(list, symbols));
            addEach(list, ownSymbols);
            if (mentionSymbol >= 0 && word.charAt(0) == '@') {
                addEach(list, new int[] {mentionSymbol});
            }
            return ids.computeIfAbsent(List.copyOf(list), key -> {
                symbols.add(key.stream().mapToInt(Integer::intValue).toArray());
                return symbols.size() - 1;
            });
        }

        private static void addEach(List<Integer> list, int[] symbols) {
            for (int symbol : symbols) {
                if (!list.contains(symbol)) {
                    list.add(symbol);
                }
            }
        }
    }

    private static int pairOf(char first, char second) {
        return (first & 0xFF) << 8 | (second & 0xFF);
    }

    private boolean pairMayBeginPrefix(char first, char second) {
        int pair = pairOf(first, second);
        return (prefixPairs[pair >>> 6] >>> pair & 1) != 0; // the shift counts modulo 64
    }

    private int beginningBit(int hash) {
        return (hash * 0x9E3779B9 >>> 7) & beginningMask;
    }

    private boolean mayBeginPrefix(int hash) {
        int bit = beginningBit(hash);
        return (prefixBeginnings[bit >>> 6] >>> bit & 1) != 0; // the shift counts modulo 64
    }

    /** How many classes there are; they are numbered from 0 ({@link #NO_SYMBOLS}). */
    int classCount() {
        return classSymbols.length;
    }

    /** The symbols of a class, each once, in the order a word of it is tested against them. */
    int[] symbols(int wordClass) {
        return classSymbols[wordClass];
    }

    /**
     * A word's chars packed into a long, 8 bits a char, when it has at most 7 chars, each below 256 (most words of
     * Latin-script text); 0 otherwise. Chars are never 0, so two words have the same short key only when they are
     * equal, and the key is positive (its top byte is free): such a word is compared with a key as one long, without
     * reading its chars.
     */
    static long shortKey(String text, int start, int end) {
        long key = 0;
        int wide = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            key = key << 8 | c;
            wide |= c;
        }
        return isShort(end - start, wide) ? key : 0;
    }

    /**
     * Whether a word of {@code length} chars whose chars or'ed together give {@code wideBits} has a short key
     * ({@link #shortKey}: the scan packs the chars while it finds the word's end).
     */
    static boolean isShort(int length, int wideBits) {
        return length <= 7 && wideBits < 256;
    }

    /**
     * The class of {@code text[start, end)}: a key's own class, else that of the longest prefix the word begins
     * with, else that of a word without symbols (with the mention symbol when it starts with '@').
     *
     * @param hash     {@code text.substring(start, end).hashCode()}, worked out by the caller while finding the
     *                 word's end
     * @param shortKey {@link #shortKey} of the word, worked out by the caller too
     */
    int classOf(String text, int start, int end, int hash, long shortKey) {
        int wordClass = whole.get(text, start, end, hash, shortKey);
        if (wordClass >= 0) {
            return wordClass;
        }
        wordClass = text.charAt(start) == '@' ? mentionClass : NO_SYMBOLS;
        int length = end - start;
        if (length < shortestPrefix
                || length >= 2 && !pairMayBeginPrefix(text.charAt(start), text.charAt(start + 1))) {
            return wordClass;
        }
        int longestPrefix = Math.min(length, isPrefixLength.length - 1);
        int prefixHash = 0;
        long prefixKey = 0;
        int wide = 0;
        for (int read = 1; read <= longestPrefix; read++) {
            char c = text.charAt(start + read - 1);
            prefixHash = 31 * prefixHash + c;
            prefixKey = prefixKey << 8 | c;
            wide |= c;
            if (isPrefixLength[read]) {
                int prefixClass = prefixes.get(text, start, start + read, prefixHash,
                        isShort(read, wide) ? prefixKey : 0);
                if (prefixClass >= 0) {
                    wordClass = prefixClass;
                }
            }
            if (!mayBeginPrefix(prefixHash)) {
                break;
            }
        }
        return wordClass;
    }

    /**
     * Open addressing, linear probing, in one long array, two longs a slot: the key's hash and its value (a free
     * slot: {@link #FREE}), and the key itself, its {@link #shortKey} or, for a longer one, where its chars begin
     * in one char array of every key and how many there are (as a negative number). A probe reads one slot and no
     * object; a short word is compared with a key as one long, a longer one char by char. Most words of a comment
     * are in no list: a filter of one bit per hash (small enough to stay in the first-level cache, unlike the
     * table) answers most of them without a probe.
     */
    private static final class Table {
        private static final long FREE = -1;

        private final long[] filter;
        private final int filterMask;
        private final long[] slots;
        private final char[] keyChars;
        private final int slotMask;

        Table(Map<String, Integer> entries) {
            int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2) - 1) << 1;
            int filterBits = Integer.highestOneBit(Math.max(64, entries.size() * 8) - 1) << 1;
            filter = new long[filterBits >>> 6];
            filterMask = filterBits - 1;
            slots = new long[2 * capacity];
            Arrays.fill(slots, FREE);
            slotMask = slots.length - 1;
            keyChars = new char[entries.keySet().stream().mapToInt(String::length).sum()];
            int[] charsUsed = {0};
            entries.forEach((key, value) -> {
                int hash = key.hashCode();
                int at = firstSlot(hash);
                while (slots[at] != FREE) {
                    at = (at + 2) & slotMask;
                }
                slots[at] = (long) hash << 32 | value;
                long shortKey = shortKey(key, 0, key.length());
                if (shortKey != 0) {
                    slots[at + 1] = shortKey;
                } else {
                    slots[at + 1] = ~((long) charsUsed[0] << 32 | key.length());
                    key.getChars(0, key.length(), keyChars, charsUsed[0]);
                    charsUsed[0] += key.length();
                }
                int bit = filterBit(hash);
                filter[bit >>> 6] |= 1L << bit;
            });
        }

        /**
         * @param hash     {@code text.substring(start, end).hashCode()}
         * @param shortKey {@link #shortKey} of {@code text[start, end)}
         * @return the value of the key {@code text[start, end)}, or -1
         */
        int get(String text, int start, int end, int hash, long shortKey) {
            int bit = filterBit(hash);
            if ((filter[bit >>> 6] >>> bit & 1) == 0) { // the shift counts modulo 64
                return -1;
            }
            for (int at = firstSlot(hash); ; at = (at + 2) & slotMask) {
                long hashAndValue = slots[at];
                if (hashAndValue == FREE) {
                    return -1;
                }
                if ((int) (hashAndValue >>> 32) == hash && sameKey(slots[at + 1], text, start, end, shortKey)) {
                    return (int) hashAndValue;
                }
            }
        }

        private boolean sameKey(long key, String text, int start, int end, long shortKey) {
            if (key > 0 || shortKey != 0) {
                return key == shortKey; // a longer key is negative
            }
            long charsOfKey = ~key;
            int keyStart = (int) (charsOfKey >>> 32);
            int length = (int) charsOfKey;
            if (length != end - start) {
                return false;
            }
            for (int k = 0; k < length; k++) {
                if (keyChars[keyStart + k] != text.charAt(start + k)) {
                    return false;
                }
            }
            return true;
        }

        private int firstSlot(int hash) {
            return ((hash ^ (hash >>> 16)) << 1) & slotMask;
        }

        private int filterBit(int hash) {
            return (hash * 0x9E3779B9 >>> 11) & filterMask;
        }
    }
}
