package news.moderation.engine.match;

import news.moderation.engine.normalize.WordVisitor;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * A dense Aho-Corasick automaton: one table lookup per char of text, whatever the number of keys. Chars are mapped
 * to a compact alphabet (the chars that occur in keys, plus class 0 for every other char) to keep the table small.
 *
 * <p>Laid out for the scan loop: states are numbered breadth first, so the shallow states that text mostly visits
 * share a few cache lines at the start of the table; a transition holds its target's row offset (state × classes)
 * rather than its number, so no multiplication is needed, with the sign bit set when keys end in the target, so the
 * loop reads nothing else until a key ends.
 */
final class AhoCorasick {
    private static final int ROOT = 0;
    private static final int KEYS_END_HERE = Integer.MIN_VALUE;

    /** Receives every occurrence of a key, overlapping ones included. */
    interface Visitor {
        void found(int key, int endExclusive);
    }

    private final char[] classOf = new char[Character.MAX_VALUE + 1];
    private final int classes;
    /** row offset of the target, | KEYS_END_HERE if keys end there, for (state row offset + class of char) */
    private final int[] next;
    private final int[][] keysEndingAt;

    /**
     * The most cells the transition table may have (states times alphabet size, 4 bytes each): the table is dense, so
     * many keys over many distinct chars would otherwise take any amount of memory.
     */
    static final long MAX_TABLE_CELLS = 16L << 20;

    /**
     * @param anyCase read each char of a text as its lower case ({@link Character#toLowerCase(char)}), so that
     *                lower-case keys are found in any case without a lower-cased copy of the text
     * @throws IllegalArgumentException when the keys would need a table over {@link #MAX_TABLE_CELLS}
     */
    AhoCorasick(List<String> keys, boolean anyCase) {
        classes = buildAlphabet(keys);
        if (anyCase) {
            char[] ownClass = classOf.clone();
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                classOf[c] = ownClass[Character.toLowerCase((char) c)];
            }
        }
        long keyChars = keys.stream().mapToLong(String::length).sum();
        if ((1 + keyChars) * classes > MAX_TABLE_CELLS) {
            throw new IllegalArgumentException("the terms, allow entries and pattern strings (" + keyChars
                    + " chars over " + classes + " distinct chars) would need an automaton of more than "
                    + MAX_TABLE_CELLS + " cells: use fewer terms or fewer distinct characters");
        }
        int maxStates = (int) (1 + keyChars);
        int[] trie = new int[maxStates * classes];
        int[][] ownKeys = new int[maxStates][];
        int states = 1;
        for (int key = 0; key < keys.size(); key++) {
            int state = ROOT;
            for (char c : keys.get(key).toCharArray()) {
                int slot = state * classes + classOf[c];
                if (trie[slot] == ROOT) {
                    trie[slot] = states++;
                }
                state = trie[slot];
            }
            ownKeys[state] = append(ownKeys[state], key);
        }
        int[] order = breadthFirst(trie, states);
        int[] renumbered = new int[states];
        for (int position = 0; position < states; position++) {
            renumbered[order[position]] = position;
        }
        int[] transitions = new int[states * classes];
        int[][] ownKeysRenumbered = new int[states][];
        for (int state = 0; state < states; state++) {
            int row = renumbered[state] * classes;
            for (int c = 0; c < classes; c++) {
                int target = trie[state * classes + c];
                transitions[row + c] = target == ROOT ? ROOT : renumbered[target];
            }
            ownKeysRenumbered[renumbered[state]] = ownKeys[state];
        }
        keysEndingAt = new int[states][];
        linkFailures(transitions, ownKeysRenumbered);
        next = encode(transitions);
    }

    private int buildAlphabet(List<String> keys) {
        int count = 1;
        for (String key : keys) {
            for (char c : key.toCharArray()) {
                if (classOf[c] == 0) {
                    classOf[c] = (char) count++;
                }
            }
        }
        return count;
    }

    /** The trie's states in breadth-first order (the root first). */
    private int[] breadthFirst(int[] trie, int states) {
        int[] order = new int[states];
        int visited = 1;
        for (int position = 0; position < visited; position++) {
            int state = order[position];
            for (int c = 1; c < classes; c++) {
                int child = trie[state * classes + c];
                if (child != ROOT) {
                    order[visited++] = child;
                }
            }
        }
        return order;
    }

    /**
     * Classic breadth-first construction over the trie {@code transitions} (state numbers): missing transitions
     * follow the failure link, outputs are inherited.
     */
    private void linkFailures(int[] transitions, int[][] ownKeys) {
        int[] failure = new int[keysEndingAt.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 1; c < classes; c++) {
            int child = transitions[c];
            if (child != ROOT) {
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            keysEndingAt[state] = concat(ownKeys[state], keysEndingAt[failure[state]]);
            for (int c = 1; c < classes; c++) {
                int slot = state * classes + c;
                int viaFailure = transitions[failure[state] * classes + c];
                if (transitions[slot] != ROOT) {
                    failure[transitions[slot]] = viaFailure;
                    queue.add(transitions[slot]);
                } else {
                    transitions[slot] = viaFailure;
                }
            }
        }
    }

    /** State numbers become row offsets, flagged when keys end in the target. */
    private int[] encode(int[] transitions) {
        int[] encoded = new int[transitions.length];
        for (int slot = 0; slot < transitions.length; slot++) {
            int target = transitions[slot];
            encoded[slot] = target * classes | (keysEndingAt[target] != null ? KEYS_END_HERE : 0);
        }
        return encoded;
    }

    /**
     * @param words receives each run of chars other than ' ' (a word of a normalised text), worked out in the same
     *              loop: the phrase pass needs the words, and reading the text once costs less than twice
     */
    void scan(String text, Visitor visitor, WordVisitor words) {
        int[] table = next;
        char[] classOfChar = classOf;
        int row = ROOT;
        int length = text.length();
        int wordStart = 0;
        int hash = 0;
        long packedChars = 0;
        int wideBits = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            int transition = table[row + classOfChar[c]];
            row = transition & ~KEYS_END_HERE;
            if (transition < 0) {
                for (int key : keysEndingAt[row / classes]) {
                    visitor.found(key, i + 1);
                }
            }
            if (c != ' ') {
                hash = 31 * hash + c;
                packedChars = packedChars << 8 | c;
                wideBits |= c;
            } else {
                if (i > wordStart) {
                    words.word(wordStart, i, hash, packedChars, wideBits);
                }
                wordStart = i + 1;
                hash = 0;
                packedChars = 0;
                wideBits = 0;
            }
        }
        if (length > wordStart) {
            words.word(wordStart, length, hash, packedChars, wideBits);
        }
    }

    private static int[] append(int[] keys, int key) {
        return concat(keys, new int[] {key});
    }

    private static int[] concat(int[] a, int[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
