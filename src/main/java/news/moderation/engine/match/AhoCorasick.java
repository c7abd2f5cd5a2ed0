package news.moderation.engine.match;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * A dense Aho-Corasick automaton: one table lookup per char of text, whatever the number of keys. Chars are mapped
 * to a compact alphabet (the chars that occur in keys, plus class 0 for every other char) to keep the table small.
 */
final class AhoCorasick {
    private static final int ROOT = 0;

    /** Receives every occurrence of a key, overlapping ones included. */
    interface Visitor {
        void found(int key, int endExclusive);
    }

    private final char[] classOf = new char[Character.MAX_VALUE + 1];
    private final int classes;
    private final int[] next;
    private final int[][] keysEndingAt;

    /**
     * The most cells the transition table may have (states times alphabet size, 4 bytes each): the table is dense, so
     * many keys over many distinct chars would otherwise take any amount of memory.
     */
    static final long MAX_TABLE_CELLS = 16L << 20;

    /** @throws IllegalArgumentException when the keys would need a table over {@link #MAX_TABLE_CELLS} */
    AhoCorasick(List<String> keys) {
        classes = buildAlphabet(keys);
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
        next = Arrays.copyOf(trie, states * classes);
        keysEndingAt = new int[states][];
        linkFailures(ownKeys);
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

    /** Classic breadth-first construction: missing transitions follow the failure link, outputs are inherited. */
    private void linkFailures(int[][] ownKeys) {
        int[] failure = new int[keysEndingAt.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 1; c < classes; c++) {
            int child = next[c];
            if (child != ROOT) {
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            keysEndingAt[state] = concat(ownKeys[state], keysEndingAt[failure[state]]);
            for (int c = 1; c < classes; c++) {
                int slot = state * classes + c;
                int viaFailure = next[failure[state] * classes + c];
                if (next[slot] != ROOT) {
                    failure[next[slot]] = viaFailure;
                    queue.add(next[slot]);
                } else {
                    next[slot] = viaFailure;
                }
            }
        }
    }

    void scan(String text, Visitor visitor) {
        int state = ROOT;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            state = next[state * classes + classOf[text.charAt(i)]];
            int[] keys = keysEndingAt[state];
            if (keys != null) {
                for (int key : keys) {
                    visitor.found(key, i + 1);
                }
            }
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
