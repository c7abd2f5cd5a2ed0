package news.moderation.engine.phrase;

import news.moderation.engine.normalize.NormalizedText;

import java.util.Arrays;

/**
 * Every phrase rule of every language as ONE token-level automaton: a Thompson NFA whose transitions test a word's
 * symbols (literal words, word classes, prefixes) or a sentence boundary, run as a Pike VM. Judging is one pass
 * over the words of the normalised text; each word is looked up once in the {@link WordTable}; the set of live
 * threads is deduplicated by state (the earliest start wins), so the work per word is bounded by the number of
 * states and the whole pass is linear in the text, without backtracking. When no thread is alive and the word starts
 * no phrase (most words), the word costs only its lookup.
 *
 * <p>Sentences: the normaliser turns punctuation into spaces, so the boundary between two words is read from the
 * original text between them ({@link #isSentenceBreak}). A boundary is a token of its own: only {@code <s>} accepts
 * it, so no phrase runs across one unless it says so.
 */
public final class PhraseAutomaton {
    static final byte SYMBOL = 0;
    static final byte NOT_SYMBOL = 1;
    static final byte ANY_WORD = 2;
    static final byte BOUNDARY = 3;
    static final byte SPLIT = 4;
    static final byte MATCH = 5;
    /** A fork of word sequences: for each symbol of the word, the state to go on at ({@link #dispatchTargets}). */
    static final byte DISPATCH = 6;

    private final byte[] kinds;
    /** SYMBOL / NOT_SYMBOL: the symbol; MATCH: the rule index; DISPATCH: the index of its tables. */
    private final int[] arguments;
    private final int[] next;
    /** SPLIT only: the second way on. */
    private final int[] alternative;
    /** DISPATCH tables: sorted symbols, and where a word with that symbol goes on. */
    private final int[][] dispatchSymbols;
    private final int[][] dispatchTargets;
    private final WordTable words;
    private final int mentionSymbol;
    private final int symbolCount;
    /** For each symbol, the states a phrase is in after starting on a word with that symbol (or null). */
    private final int[][] startsBySymbol;
    private final long[][] startLanguagesBySymbol;
    private final int[] boundaryStarts;
    private final long[] boundaryStartLanguages;
    /**
     * Whether a phrase that starts at a sentence boundary can take a word whatever its symbols (or end at once).
     * Otherwise, with no thread alive, the boundary before a word that no such phrase takes next changes nothing and
     * is not looked for: reading it means mapping the words back to the original text.
     */
    private final boolean boundaryStartsTakeAnyWord;
    /** For each symbol, whether a phrase that starts at a sentence boundary can take a word with it next. */
    private final boolean[] followsBoundary;
    private final ThreadLocal<Scratch> scratch;

    PhraseAutomaton(byte[] kinds, int[] arguments, int[] next, int[] alternative, int[][] dispatchSymbols,
                    int[][] dispatchTargets, WordTable words, int mentionSymbol,
                    int symbolCount, int[][] startsBySymbol, long[][] startLanguagesBySymbol, int[] boundaryStarts,
                    long[] boundaryStartLanguages) {
        this.kinds = kinds;
        this.arguments = arguments;
        this.next = next;
        this.alternative = alternative;
        this.dispatchSymbols = dispatchSymbols;
        this.dispatchTargets = dispatchTargets;
        this.words = words;
        this.mentionSymbol = mentionSymbol;
        this.symbolCount = symbolCount;
        this.startsBySymbol = startsBySymbol;
        this.startLanguagesBySymbol = startLanguagesBySymbol;
        this.boundaryStarts = boundaryStarts;
        this.boundaryStartLanguages = boundaryStartLanguages;
        this.followsBoundary = new boolean[symbolCount];
        this.boundaryStartsTakeAnyWord = symbolsTakenAfter(boundaryStarts, followsBoundary);
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(kinds.length, symbolCount));
    }

    /**
     * Marks in {@code taken} the symbols that a state reachable from {@code states} without a token accepts.
     *
     * @return whether such a state accepts a word whatever its symbols (or ends a phrase, or waits for a boundary)
     */
    private boolean symbolsTakenAfter(int[] states, boolean[] taken) {
        boolean[] seen = new boolean[kinds.length];
        int[] stack = new int[2 * kinds.length + states.length]; // each state once, and two per SPLIT
        int depth = 0;
        for (int state : states) {
            stack[depth++] = state;
        }
        while (depth > 0) {
            int current = stack[--depth];
            if (seen[current]) {
                continue;
            }
            seen[current] = true;
            switch (kinds[current]) {
                case SPLIT -> {
                    stack[depth++] = next[current];
                    stack[depth++] = alternative[current];
                }
                case SYMBOL -> taken[arguments[current]] = true;
                case DISPATCH -> {
                    for (int symbol : dispatchSymbols[arguments[current]]) {
                        taken[symbol] = true;
                    }
                }
                default -> {
                    return true; // NOT_SYMBOL, ANY_WORD, BOUNDARY, MATCH
                }
            }
        }
        return false;
    }

    private boolean anyFollowsBoundary(int[] symbols, int count) {
        for (int k = 0; k < count; k++) {
            if (followsBoundary[symbols[k]]) {
                return true;
            }
        }
        return false;
    }

    public int states() {
        return kinds.length;
    }

    /**
     * Reports every phrase match of a selected language: for each state a match reaches at a word, the earliest
     * start among the threads there (overlapping matches of one rule are merged by the caller).
     *
     * @param original the text {@code text} was normalised from, read for sentence boundaries
     */
    public void scan(NormalizedText text, String original, long languages, PhraseHits hits) {
        work(text, original, languages, hits);
    }

    /**
     * {@link #scan}, returning the work done: words looked up, states visited and chars read between words. The
     * test of linearity compares it across text lengths (a count, unlike a time, does not depend on the machine).
     */
    long work(NormalizedText text, String original, long languages, PhraseHits hits) {
        if (kinds.length == 0) {
            return 0;
        }
        Scratch run = scratch.get();
        run.active = 0;
        run.work = 0;
        String normalized = text.text();
        int length = normalized.length();
        boolean boundariesStart = boundaryStarts.length > 0;
        int lastWordEnd = -1;
        int i = 0;
        while (i < length) {
            if (normalized.charAt(i) == ' ') {
                i++;
                continue;
            }
            int start = i;
            int hash = 0; // String.hashCode of the word, for its lookup
            for (char c; i < length && (c = normalized.charAt(i)) != ' '; i++) {
                hash = 31 * hash + c;
            }
            int count = symbolsOf(run, normalized, start, i, hash);
            if (run.active > 0 || (boundariesStart
                    && (boundaryStartsTakeAnyWord || anyFollowsBoundary(run.symbols[0], count)))) {
                int gapStart = lastWordEnd < 0 ? 0 : text.originalEnd(lastWordEnd - 1);
                int gapEnd = text.originalStart(start);
                run.work += gapEnd - gapStart;
                if (lastWordEnd < 0 || isSentenceBreak(original, gapStart, gapEnd)) {
                    boundary(run, start, Math.max(lastWordEnd, 0), languages, hits);
                }
            }
            run.work++;
            word(run, count, start, i, languages, hits);
            lastWordEnd = i;
        }
        if (boundariesStart || run.active > 0) {
            boundary(run, length, Math.max(lastWordEnd, 0), languages, hits);
        }
        return run.work;
    }

    /** Looks the word up: its symbols go to {@code run.symbols[0]}; returns how many. */
    private int symbolsOf(Scratch run, String text, int start, int end, int hash) {
        int count = words.lookup(text, start, end, hash, run.symbols);
        if (mentionSymbol >= 0 && text.charAt(start) == '@') {
            count = appendSymbol(run, count, mentionSymbol);
        }
        return count;
    }

    /** Moves every thread on over the word whose {@code count} symbols {@link #symbolsOf} found. */
    private void word(Scratch run, int count, int start, int end, long languages, PhraseHits hits) {
        int[] symbols = run.symbols[0];
        if (run.active == 0 && !startsAny(symbols, count)) {
            return; // the fast path: nothing alive, and this word starts nothing
        }
        long[] bits = run.wordBits;
        for (int k = 0; k < count; k++) {
            bits[symbols[k] >>> 6] |= 1L << symbols[k];
        }
        run.nextGeneration();
        for (int t = 0; t < run.active; t++) {
            int state = run.states[t];
            boolean accepted = switch (kinds[state]) {
                case SYMBOL -> (bits[arguments[state] >>> 6] & (1L << arguments[state])) != 0;
                case NOT_SYMBOL -> (bits[arguments[state] >>> 6] & (1L << arguments[state])) == 0;
                case ANY_WORD -> true;
                case DISPATCH -> {
                    dispatch(run, arguments[state], symbols, count, run.starts[t], end, hits);
                    yield false;
                }
                default -> false;
            };
            if (accepted) {
                follow(run, next[state], run.starts[t], end, hits);
            }
        }
        for (int k = 0; k < count; k++) {
            int[] starts = startsBySymbol[symbols[k]];
            if (starts != null) {
                long[] startLanguages = startLanguagesBySymbol[symbols[k]];
                for (int s = 0; s < starts.length; s++) {
                    if ((startLanguages[s] & languages) != 0) {
                        follow(run, starts[s], start, end, hits);
                    }
                }
            }
        }
        for (int k = 0; k < count; k++) {
            bits[symbols[k] >>> 6] = 0;
        }
        run.swap();
    }

    /** A thread at a fork goes on along every way that starts with one of the word's symbols. */
    private void dispatch(Scratch run, int table, int[] symbols, int count, int start, int end, PhraseHits hits) {
        int[] keys = dispatchSymbols[table];
        for (int k = 0; k < count; k++) {
            int found = Arrays.binarySearch(keys, symbols[k]);
            if (found >= 0) {
                follow(run, dispatchTargets[table][found], start, end, hits);
            }
        }
    }

    private boolean startsAny(int[] symbols, int count) {
        for (int k = 0; k < count; k++) {
            if (startsBySymbol[symbols[k]] != null) {
                return true;
            }
        }
        return false;
    }

    private static int appendSymbol(Scratch run, int count, int symbol) {
        if (count == run.symbols[0].length) {
            run.symbols[0] = Arrays.copyOf(run.symbols[0], 2 * count + 1);
        }
        run.symbols[0][count] = symbol;
        return count + 1;
    }

    /** A sentence boundary before the word at {@code nextStart}; a match ending here ends at {@code lastWordEnd}. */
    private void boundary(Scratch run, int nextStart, int lastWordEnd, long languages, PhraseHits hits) {
        run.nextGeneration();
        for (int t = 0; t < run.active; t++) {
            if (kinds[run.states[t]] == BOUNDARY) {
                follow(run, next[run.states[t]], run.starts[t], lastWordEnd, hits);
            }
        }
        for (int s = 0; s < boundaryStarts.length; s++) {
            if ((boundaryStartLanguages[s] & languages) != 0) {
                follow(run, boundaryStarts[s], nextStart, lastWordEnd, hits);
            }
        }
        run.swap();
    }

    /** Adds the thread (start) at {@code state} and every state reachable from it without a token. */
    private void follow(Scratch run, int state, int start, int end, PhraseHits hits) {
        int depth = 0;
        run.stack[depth++] = state;
        while (depth > 0) {
            int current = run.stack[--depth];
            run.work++;
            if (run.marks[current] == run.generation) {
                continue;
            }
            run.marks[current] = run.generation;
            switch (kinds[current]) {
                case SPLIT -> {
                    if (depth + 2 > run.stack.length) {
                        run.stack = Arrays.copyOf(run.stack, 2 * run.stack.length);
                    }
                    run.stack[depth++] = alternative[current];
                    run.stack[depth++] = next[current];
                }
                case MATCH -> hits.phraseHit(arguments[current], start, end);
                default -> run.addNext(current, start);
            }
        }
    }

    /**
     * Whether the original text between two words ({@code [from, to)}) ends a sentence: a line break, '!' or '?',
     * or a single '.' (an ellipsis "..." or "…" does not: "you are... a clown" is one sentence).
     */
    static boolean isSentenceBreak(String original, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = original.charAt(i);
            switch (c) {
                case '\n', '\r', '!', '?', '\u3002', '\uFF01', '\uFF1F' -> {
                    return true;
                }
                case '.' -> {
                    boolean dotBefore = i > from && original.charAt(i - 1) == '.';
                    boolean dotAfter = i + 1 < to && original.charAt(i + 1) == '.';
                    if (!dotBefore && !dotAfter) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    /**
     * The per-thread working memory of {@link #scan}: thread lists (grown on demand: a handful of threads is usual),
     * one mark per state, the current word's symbols.
     */
    private static final class Scratch {
        private static final int INITIAL_THREADS = 64;
        int[] states = new int[INITIAL_THREADS];
        int[] starts = new int[INITIAL_THREADS];
        int[] nextStates = new int[INITIAL_THREADS];
        int[] nextStarts = new int[INITIAL_THREADS];
        int active;
        int nextActive;
        long work;
        final int[] marks;
        int generation;
        int[] stack = new int[INITIAL_THREADS];
        final long[] wordBits;
        final int[][] symbols = {new int[16]};

        Scratch(int stateCount, int symbolCount) {
            marks = new int[stateCount];
            wordBits = new long[(symbolCount >>> 6) + 1];
        }

        void addNext(int state, int start) {
            if (nextActive == nextStates.length) {
                nextStates = Arrays.copyOf(nextStates, 2 * nextActive);
                nextStarts = Arrays.copyOf(nextStarts, 2 * nextActive);
            }
            nextStates[nextActive] = state;
            nextStarts[nextActive++] = start;
        }

        void nextGeneration() {
            nextActive = 0;
            if (++generation == Integer.MAX_VALUE) {
                Arrays.fill(marks, 0);
                generation = 1;
            }
        }

        void swap() {
            int[] swapStates = states;
            states = nextStates;
            nextStates = swapStates;
            int[] swapStarts = starts;
            starts = nextStarts;
            nextStarts = swapStarts;
            active = nextActive;
        }
    }
}
