package news.moderation.engine.phrase;

import news.moderation.engine.normalize.NormalizedText;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Every phrase rule of every language as ONE token-level automaton: a Thompson NFA whose transitions test a word's
 * symbols (literal words, word classes, prefixes) or a sentence boundary, run as a Pike VM whose steps are cached as
 * a DFA. Judging is one pass over the words of the normalised text; each word is looked up once in the
 * {@link WordTable}, which gives its class (the list of its symbols, numbered when the automaton is built).
 *
 * <p>The Pike VM: the live threads are an ordered list of states, each with the start of its match, deduplicated by
 * state (the earliest start wins); the work per word is bounded by the number of states and the whole pass is linear
 * in the text, without backtracking. The list is always sorted by start (threads started by a later word come
 * after), so it falls into groups of threads started by the same token: a {@link DfaState} is that list of states
 * cut into groups, and the starts are one number per group, kept by the scan. A step from a list on a token (a word
 * class or a boundary) gives the next list, where each of its groups came from (an earlier group, or a start at this
 * token) and the matches it reaches (rule, and the group its start comes from); it depends only on the list and the
 * token, so it is worked out once and cached ({@link DfaStep}): a word is then one lookup of its class and one
 * table step, plus copying a start per live group. Matches and their starts are exactly those of the VM, in the
 * same order.
 *
 * <p>The cache is built lazily, per set of selected languages, and bounded: states and steps count against
 * {@link #DFA_BUDGET} (about four bytes a unit) per automaton; past it a step is worked out for the word at hand and
 * not kept (that is the Pike VM itself, at its old cost), so no rule file can make it exhaust memory. A ruleset is
 * shared by every request thread: a state's cached steps are an immutable table behind a volatile field, replaced
 * by a copy when a step is added, so a scan reads them without a lock; two threads that work out the same step at
 * once keep one of the two equal results.
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
    /**
     * The room of the step cache, in units of about four bytes (a table entry or a number of a state or step): 32 MB
     * per automaton at most, whatever the rule files say; the ruleset's one automaton holds the phrase rules and the
     * {@code unless} phrases, which had 16 MB each in two automata.
     */
    static final long DFA_BUDGET = 8L << 20;
    /** A group's start that is the current token's own: the group was started by it. */
    private static final int STARTED_HERE = -1;
    /** What a cached state or step costs beyond its arrays, in budget units. */
    private static final int OBJECT_UNITS = 16;
    private static final int[] NO_SYMBOLS = {};

    private final byte[] kinds;
    /** SYMBOL / NOT_SYMBOL: the symbol; MATCH: the id the phrase reports; DISPATCH: the index of its tables. */
    private final int[] arguments;
    private final int[] next;
    /** SPLIT only: the second way on. */
    private final int[] alternative;
    /** DISPATCH tables: sorted symbols, and where a word with that symbol goes on. */
    private final int[][] dispatchSymbols;
    private final int[][] dispatchTargets;
    private final WordTable words;
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
    /** For each word class, whether a phrase that starts at a sentence boundary can take a word of it next. */
    private final boolean[] classFollowsBoundary;
    /**
     * For each word class, whether a word of it can start a thread, itself or after a boundary before it: with no
     * thread alive, any other word leaves the automaton where it is, and costs only its lookup.
     */
    private final boolean[] classMayStart;
    /** The token of a sentence boundary: the number after the last word class. */
    private final int boundaryToken;
    private final AtomicLong budgetLeft;
    /** The step cache of each set of selected languages (a handful: each language with "any", and all). */
    private volatile Dfa[] dfas = new Dfa[0];
    private final ThreadLocal<StepBuilder> builders;

    PhraseAutomaton(byte[] kinds, int[] arguments, int[] next, int[] alternative, int[][] dispatchSymbols,
                    int[][] dispatchTargets, WordTable words, int symbolCount, int[][] startsBySymbol,
                    long[][] startLanguagesBySymbol, int[] boundaryStarts, long[] boundaryStartLanguages,
                    long dfaBudget) {
        this.kinds = kinds;
        this.arguments = arguments;
        this.next = next;
        this.alternative = alternative;
        this.dispatchSymbols = dispatchSymbols;
        this.dispatchTargets = dispatchTargets;
        this.words = words;
        this.symbolCount = symbolCount;
        this.startsBySymbol = startsBySymbol;
        this.startLanguagesBySymbol = startLanguagesBySymbol;
        this.boundaryStarts = boundaryStarts;
        this.boundaryStartLanguages = boundaryStartLanguages;
        boolean[] followsBoundary = new boolean[symbolCount];
        this.boundaryStartsTakeAnyWord = symbolsTakenAfter(boundaryStarts, followsBoundary);
        this.boundaryToken = words.classCount();
        this.classFollowsBoundary = new boolean[boundaryToken];
        for (int wordClass = 0; wordClass < boundaryToken; wordClass++) {
            for (int symbol : words.symbols(wordClass)) {
                classFollowsBoundary[wordClass] |= followsBoundary[symbol];
            }
        }
        this.classMayStart = new boolean[boundaryToken];
        for (int wordClass = 0; wordClass < boundaryToken; wordClass++) {
            classMayStart[wordClass] = classFollowsBoundary[wordClass]
                    || (boundaryStarts.length > 0 && boundaryStartsTakeAnyWord);
            for (int symbol : words.symbols(wordClass)) {
                classMayStart[wordClass] |= startsBySymbol[symbol] != null;
            }
        }
        this.budgetLeft = new AtomicLong(dfaBudget);
        this.builders = ThreadLocal.withInitial(StepBuilder::new);
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

    public int states() {
        return kinds.length;
    }

    /** This automaton with an empty step cache of another size: for tests that compare the cache with the VM. */
    PhraseAutomaton withDfaBudget(long dfaBudget) {
        return new PhraseAutomaton(kinds, arguments, next, alternative, dispatchSymbols, dispatchTargets, words,
                symbolCount, startsBySymbol, startLanguagesBySymbol, boundaryStarts, boundaryStartLanguages,
                dfaBudget);
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
     * {@link #scan}, returning the work done: words looked up, chars read between words and the states visited
     * while working out steps that were not cached yet. The test of linearity compares it across text lengths (a
     * count, unlike a time, does not depend on the machine).
     */
    long work(NormalizedText text, String original, long languages, PhraseHits hits) {
        if (kinds.length == 0) {
            return 0;
        }
        Scan scan = new Scan(dfaOf(languages), hits);
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
            int wordClass = words.classOf(normalized, start, i, hash);
            scan.work++;
            if (scan.threadsAlive() || classMayStart[wordClass]) {
                DfaStep step = scan.stepOn(wordClass);
                if (scan.boundaryMatters(step) || (boundariesStart
                        && (boundaryStartsTakeAnyWord || classFollowsBoundary[wordClass]))) {
                    int gapStart = lastWordEnd < 0 ? 0 : text.originalEnd(lastWordEnd - 1);
                    int gapEnd = text.originalStart(start);
                    scan.work += gapEnd - gapStart;
                    if (lastWordEnd < 0 || isSentenceBreak(original, gapStart, gapEnd)) {
                        scan.take(scan.stepOn(boundaryToken), start, Math.max(lastWordEnd, 0));
                        step = scan.stepOn(wordClass);
                    }
                }
                scan.take(step, start, i);
            }
            lastWordEnd = i;
        }
        if (boundariesStart || scan.threadsAlive()) {
            scan.take(scan.stepOn(boundaryToken), length, Math.max(lastWordEnd, 0));
        }
        return scan.work;
    }

    /** The states cached so far, over all selected languages (for tests of the bound). */
    long cachedStates() {
        return Arrays.stream(dfas).mapToLong(dfa -> dfa.states.size()).sum();
    }

    /** The step cache of a selection of languages; looked for in a copy-on-write array (no boxing, no lock). */
    private Dfa dfaOf(long languages) {
        for (Dfa dfa : dfas) {
            if (dfa.languages == languages) {
                return dfa;
            }
        }
        synchronized (this) {
            for (Dfa dfa : dfas) {
                if (dfa.languages == languages) {
                    return dfa;
                }
            }
            Dfa dfa = new Dfa(languages);
            Dfa[] grown = Arrays.copyOf(dfas, dfas.length + 1);
            grown[dfas.length] = dfa;
            dfas = grown;
            return dfa;
        }
    }

    /** One pass over a text: where the automaton is, and the start of each group of its threads. */
    private final class Scan {
        private final Dfa dfa;
        private final PhraseHits hits;
        private DfaState state;
        private int[] starts = new int[8];
        long work;

        Scan(Dfa dfa, PhraseHits hits) {
            this.dfa = dfa;
            this.hits = hits;
            this.state = dfa.initial;
        }

        boolean threadsAlive() {
            return state != dfa.initial; // the only state without threads
        }

        /**
         * Whether a sentence boundary before the word this step takes would change what happens, other than through
         * the phrases that start at a boundary: only when a thread waits for one, or the word moves a thread on
         * (which the boundary would have ended). Otherwise the word leaves of the threads only those it starts
         * itself, boundary or not, and the text between the words need not be read.
         */
        boolean boundaryMatters(DfaStep step) {
            return state.waitsForBoundary || step.continues;
        }

        /** The step from where the scan is on {@code token}: from the cache, or worked out now. */
        DfaStep stepOn(int token) {
            DfaStep step = state.cachedStep(token);
            return step != null ? step : dfa.step(state, token, this);
        }

        /**
         * Takes a step over a token that begins at {@code tokenStart} (the next word's start, for a boundary); a
         * match reached ends at {@code end}.
         */
        void take(DfaStep step, int tokenStart, int end) {
            if (step.keepsStarts) {
                state = step.target;
                return;
            }
            int[] matchRules = step.matchRules;
            for (int m = 0; m < matchRules.length; m++) {
                int from = step.matchStarts[m];
                hits.phraseHit(matchRules[m], from == STARTED_HERE ? tokenStart : starts[from], end);
            }
            int[] sources = step.groupSources;
            if (sources.length > starts.length) {
                starts = Arrays.copyOf(starts, Math.max(2 * starts.length, sources.length));
            }
            // sources rise strictly and each is at least its group's index: no start is overwritten before it is read
            for (int g = 0; g < sources.length; g++) {
                starts[g] = sources[g] == STARTED_HERE ? tokenStart : starts[sources[g]];
            }
            state = step.target;
        }
    }

    /** The step cache of one set of selected languages: its states, each once, and from each the steps taken. */
    private final class Dfa {
        final long languages;
        final DfaState initial;
        final ConcurrentHashMap<DfaState, DfaState> states = new ConcurrentHashMap<>();

        Dfa(long languages) {
            this.languages = languages;
            // the state without threads is where every scan starts and most words leave it: kept whatever the budget
            this.initial = new DfaState(new int[0], new int[0], false, true);
            budgetLeft.addAndGet(-initial.units());
            states.put(initial, initial);
        }

        /** Works a step out (the Pike VM's), and caches it and the state it leads to while the budget lasts. */
        DfaStep step(DfaState from, int token, Scan scan) {
            StepBuilder builder = builders.get();
            builder.run(from, token, languages);
            scan.work += builder.visited;
            DfaState target = intern(builder.threads.toArray(), builder.groupEnds.toArray(),
                    builder.waitsForBoundary);
            DfaStep step = new DfaStep(target, builder.groupSources.toArray(), builder.matchRules.toArray(),
                    builder.matchStarts.toArray());
            if (from.cached && target.cached && reserve(step.units())) {
                from.cache(token, step);
            }
            return step;
        }

        /** The cached state with these threads, cached now if the budget allows, or one for this step only. */
        private DfaState intern(int[] threads, int[] groupEnds, boolean waitsForBoundary) {
            if (threads.length == 0) {
                return initial;
            }
            DfaState probe = new DfaState(threads, groupEnds, waitsForBoundary, false);
            DfaState known = states.get(probe);
            if (known != null) {
                return known;
            }
            if (!reserve(probe.units())) {
                return probe;
            }
            DfaState fresh = new DfaState(threads, groupEnds, waitsForBoundary, true);
            known = states.putIfAbsent(fresh, fresh);
            if (known != null) {
                budgetLeft.addAndGet(fresh.units());
                return known;
            }
            return fresh;
        }

        private boolean reserve(long units) {
            if (budgetLeft.addAndGet(-units) >= 0) {
                return true;
            }
            budgetLeft.addAndGet(units);
            return false;
        }
    }

    /**
     * A list of threads without their starts: NFA states, in groups of threads started by one token after another
     * ({@code groupEnds}: where each group ends). Equal lists are one state. A cached state keeps the steps taken
     * from it so far in a {@link StepRow}, replaced (never changed) when a step is added and read without a lock;
     * a state past the budget keeps none, and its steps are worked out each time.
     */
    private static final class DfaState {
        final int[] threads;
        final int[] groupEnds;
        /** Whether a thread waits for a sentence boundary ({@code <s>} inside a phrase). */
        final boolean waitsForBoundary;
        final boolean cached;
        private volatile StepRow row = StepRow.EMPTY;
        private final int hash;

        DfaState(int[] threads, int[] groupEnds, boolean waitsForBoundary, boolean cached) {
            this.threads = threads;
            this.groupEnds = groupEnds;
            this.waitsForBoundary = waitsForBoundary;
            this.cached = cached;
            this.hash = 31 * Arrays.hashCode(threads) + Arrays.hashCode(groupEnds);
        }

        DfaStep cachedStep(int token) {
            return row.get(token);
        }

        /** Adds a step; writers take turns (rarely: once per step the cache ever holds), readers never wait. */
        synchronized void cache(int token, DfaStep step) {
            if (row.get(token) == null) {
                row = row.with(token, step);
            }
        }

        /** Budget units of the state, with room for a few steps. */
        long units() {
            return OBJECT_UNITS + threads.length + groupEnds.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DfaState state && hash == state.hash && Arrays.equals(threads, state.threads)
                    && Arrays.equals(groupEnds, state.groupEnds);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * The steps from one state by token: an immutable open-addressing table (a state meets few of the word classes,
     * so a table over all of them would be mostly empty).
     */
    private static final class StepRow {
        static final StepRow EMPTY = new StepRow(new int[] {-1}, new DfaStep[1]);
        private final int[] tokens;
        private final DfaStep[] steps;
        private final int mask;

        private StepRow(int[] tokens, DfaStep[] steps) {
            this.tokens = tokens;
            this.steps = steps;
            this.mask = tokens.length - 1;
        }

        DfaStep get(int token) {
            for (int slot = slotOf(token); ; slot = (slot + 1) & mask) {
                int found = tokens[slot];
                if (found == token) {
                    return steps[slot];
                }
                if (found < 0) {
                    return null;
                }
            }
        }

        /** A copy with one more step, twice as large when it would be over half full (so a free slot ends a probe). */
        StepRow with(int token, DfaStep step) {
            int size = 1;
            for (int found : tokens) {
                size += found >= 0 ? 1 : 0;
            }
            int capacity = 2 * size > tokens.length ? 2 * tokens.length : tokens.length;
            int[] newTokens = new int[capacity];
            Arrays.fill(newTokens, -1);
            StepRow grown = new StepRow(newTokens, new DfaStep[capacity]);
            for (int slot = 0; slot < tokens.length; slot++) {
                if (tokens[slot] >= 0) {
                    grown.put(tokens[slot], steps[slot]);
                }
            }
            grown.put(token, step);
            return grown;
        }

        private void put(int token, DfaStep step) {
            int slot = slotOf(token);
            while (tokens[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            tokens[slot] = token;
            steps[slot] = step;
        }

        private int slotOf(int token) {
            return (token * 0x9E3779B9 >>> 16) & mask;
        }
    }

    /**
     * One step of the Pike VM from a state on a token: the state it leads to; for each group there, the group of
     * the state before whose start it keeps, or {@link #STARTED_HERE}; the rules matched, in the order the VM
     * reaches them, each with the group its start comes from. {@code keepsStarts}: no match, and every group keeps
     * its start where it is (most steps: no thread moves on, or all move on together), so the scan only moves on.
     */
    private record DfaStep(DfaState target, int[] groupSources, int[] matchRules, int[] matchStarts,
                           boolean continues, boolean keepsStarts) {
        DfaStep(DfaState target, int[] groupSources, int[] matchRules, int[] matchStarts) {
            this(target, groupSources, matchRules, matchStarts, continuesAThread(groupSources, matchStarts),
                    matchRules.length == 0 && Arrays.equals(groupSources, 0, groupSources.length,
                            IntStream.range(0, groupSources.length).toArray(), 0, groupSources.length));
        }

        /** Whether a thread of the state before moves on (rather than every thread here starting at the token). */
        private static boolean continuesAThread(int[] groupSources, int[] matchStarts) {
            return Arrays.stream(groupSources).anyMatch(source -> source != STARTED_HERE)
                    || Arrays.stream(matchStarts).anyMatch(source -> source != STARTED_HERE);
        }

        /** Budget units of the step, its slot in the row included (rows are at most half full). */
        long units() {
            return OBJECT_UNITS + 4 + groupSources.length + 2L * matchRules.length;
        }
    }

    /**
     * Works out a step the way the Pike VM moves its threads: group by group, each thread in order, every state
     * reachable without a token followed depth first, a state taken by the first thread that reaches it (so the
     * earliest start wins); then the threads the token starts. One per request thread, reused.
     */
    private final class StepBuilder {
        final int[] marks = new int[kinds.length];
        int generation;
        int[] stack = new int[64];
        final long[] wordBits = new long[(symbolCount >>> 6) + 1];
        final IntList threads = new IntList();
        final IntList groupEnds = new IntList();
        final IntList groupSources = new IntList();
        final IntList matchRules = new IntList();
        final IntList matchStarts = new IntList();
        boolean waitsForBoundary;
        long visited;

        void run(DfaState from, int token, long languages) {
            if (++generation == Integer.MAX_VALUE) {
                Arrays.fill(marks, 0);
                generation = 1;
            }
            threads.clear();
            groupEnds.clear();
            groupSources.clear();
            matchRules.clear();
            matchStarts.clear();
            visited = 0;
            waitsForBoundary = false;
            boolean boundary = token == boundaryToken;
            int[] symbols = boundary ? NO_SYMBOLS : words.symbols(token);
            for (int symbol : symbols) {
                wordBits[symbol >>> 6] |= 1L << symbol;
            }
            int begin = 0;
            for (int group = 0; group < from.groupEnds.length; group++) {
                int end = from.groupEnds[group];
                for (int t = begin; t < end; t++) {
                    moveOn(from.threads[t], boundary, symbols, group);
                }
                closeGroup(group);
                begin = end;
            }
            if (boundary) {
                for (int s = 0; s < boundaryStarts.length; s++) {
                    if ((boundaryStartLanguages[s] & languages) != 0) {
                        follow(boundaryStarts[s], STARTED_HERE);
                    }
                }
            } else {
                for (int symbol : symbols) {
                    int[] starts = startsBySymbol[symbol];
                    if (starts != null) {
                        long[] startLanguages = startLanguagesBySymbol[symbol];
                        for (int s = 0; s < starts.length; s++) {
                            if ((startLanguages[s] & languages) != 0) {
                                follow(starts[s], STARTED_HERE);
                            }
                        }
                    }
                }
            }
            closeGroup(STARTED_HERE);
            for (int symbol : symbols) {
                wordBits[symbol >>> 6] = 0;
            }
        }

        /** The thread at {@code state} over the token: on, when the state accepts it. */
        private void moveOn(int state, boolean boundary, int[] symbols, int group) {
            if (boundary) {
                if (kinds[state] == BOUNDARY) {
                    follow(next[state], group);
                }
                return;
            }
            boolean accepted = switch (kinds[state]) {
                case SYMBOL -> (wordBits[arguments[state] >>> 6] & (1L << arguments[state])) != 0;
                case NOT_SYMBOL -> (wordBits[arguments[state] >>> 6] & (1L << arguments[state])) == 0;
                case ANY_WORD -> true;
                case DISPATCH -> {
                    int[] keys = dispatchSymbols[arguments[state]];
                    for (int symbol : symbols) {
                        int found = Arrays.binarySearch(keys, symbol);
                        if (found >= 0) {
                            follow(dispatchTargets[arguments[state]][found], group);
                        }
                    }
                    yield false;
                }
                default -> false;
            };
            if (accepted) {
                follow(next[state], group);
            }
        }

        /** The threads added since the last group form a group, whose start is that of {@code source}. */
        private void closeGroup(int source) {
            int begin = groupEnds.size() == 0 ? 0 : groupEnds.get(groupEnds.size() - 1);
            if (threads.size() > begin) {
                groupEnds.add(threads.size());
                groupSources.add(source);
            }
        }

        /** Adds a thread (its start that of {@code source}) at {@code state} and what it reaches without a token. */
        private void follow(int state, int source) {
            int depth = 0;
            stack[depth++] = state;
            while (depth > 0) {
                int current = stack[--depth];
                visited++;
                if (marks[current] == generation) {
                    continue;
                }
                marks[current] = generation;
                switch (kinds[current]) {
                    case SPLIT -> {
                        if (depth + 2 > stack.length) {
                            stack = Arrays.copyOf(stack, 2 * stack.length);
                        }
                        stack[depth++] = alternative[current];
                        stack[depth++] = next[current];
                    }
                    case MATCH -> {
                        matchRules.add(arguments[current]);
                        matchStarts.add(source);
                    }
                    default -> {
                        threads.add(current);
                        waitsForBoundary |= kinds[current] == BOUNDARY;
                    }
                }
            }
        }
    }

    /** A growable list of ints. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }

        int get(int index) {
            return values[index];
        }

        int size() {
            return size;
        }

        void clear() {
            size = 0;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
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
}
