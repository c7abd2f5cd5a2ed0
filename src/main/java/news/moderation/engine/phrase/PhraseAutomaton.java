package news.moderation.engine.phrase;

import news.moderation.engine.normalize.NormalizedText;
import news.moderation.engine.normalize.WordVisitor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
 * token, so it is worked out once and cached: a cached state is a number, and its steps are a row of ints
 * ({@link StepRows}); most steps are one int there (the state it leads to and what the scan must do besides), the
 * others a short record next to it in the same array. A word is then one lookup of its class and one probe of its
 * state's row, with no object in between, plus copying a start per live group when threads move on or match.
 * Matches and their starts are exactly those of the VM, in the same order.
 *
 * <p>The cache is built lazily, per set of selected languages, and bounded: states and rows count against
 * {@link #DFA_BUDGET} (about four bytes a unit) per automaton; past it a step is worked out for the word at hand and
 * not kept (that is the Pike VM itself, at its old cost), so no rule file can make it exhaust memory. A ruleset is
 * shared by every request thread: a row is never changed once published, a step is added to a copy that replaces
 * it (a release write, read with an acquiring read), so a scan reads the rows without a lock; two threads that work
 * out the same step at once keep the first of the two equal results.
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
    /** The number of the state without threads, in every step cache. */
    private static final int INITIAL = 0;
    /** A step's first int: the number of the state it leads to, in these bits ... */
    private static final int TARGET = (1 << 28) - 1;
    /** ... which are all set when that state is not cached; */
    private static final int UNCACHED = TARGET;
    /**
     * ... this bit when it matches nothing and every group keeps its start where it is (most steps: no thread moves
     * on, or all move on together), so the scan only moves on and the step has no more ints;
     */
    static final int KEEPS_STARTS = 1 << 28;
    /**
     * ... and this bit when a sentence boundary before the token would change what happens, other than through the
     * phrases that start at a boundary: only when a thread of the state before waits for one, or the token moves a
     * thread on (which the boundary would have ended). Otherwise the word leaves of the threads only those it starts
     * itself, boundary or not, and the text between the words need not be read.
     */
    private static final int BOUNDARY_MATTERS = 1 << 29;
    /**
     * ... and this bit when it matches nothing and its threads are all started by the token, one group (a word that
     * starts a phrase, with no thread alive or none that it moves on): the scan sets that group's start, and the step
     * has no more ints.
     */
    static final int STARTS_HERE = 1 << 30;
    private static final VarHandle ROW = MethodHandles.arrayElementVarHandle(int[][].class);
    /** What a cached state costs beyond its arrays, in budget units. */
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
        Walk walk = walk(text, original, languages, hits);
        String normalized = text.text();
        int length = normalized.length();
        int i = 0;
        while (i < length) {
            if (normalized.charAt(i) == ' ') {
                i++;
                continue;
            }
            int start = i;
            int hash = 0;
            long packedChars = 0;
            int wideBits = 0;
            for (char c; i < length && (c = normalized.charAt(i)) != ' '; i++) {
                hash = 31 * hash + c;
                packedChars = packedChars << 8 | c;
                wideBits |= c;
            }
            walk.word(start, i, hash, packedChars, wideBits);
        }
        return walk.end();
    }

    /**
     * A pass over a text whose words are handed to it in order ({@link WordVisitor}) by a pass that reads the chars
     * anyway (the term pass); {@link Walk#end} after the last. Reports what {@link #scan} does.
     */
    public Walk walk(NormalizedText text, String original, long languages, PhraseHits hits) {
        return new Walk(kinds.length == 0 ? null : new Scan(dfaOf(languages), hits), text, original);
    }

    /** One pass of {@link #walk}: each word looked up and stepped on as it comes. */
    public final class Walk implements WordVisitor {
        /** null when the automaton has no phrases */
        private final Scan scan;
        private final NormalizedText text;
        private final String original;
        private final boolean boundariesStart = boundaryStarts.length > 0;
        private int lastWordEnd = -1;

        private Walk(Scan scan, NormalizedText text, String original) {
            this.scan = scan;
            this.text = text;
            this.original = original;
        }

        @Override
        public void word(int start, int end, int hash, long packedChars, int wideBits) {
            if (scan == null) {
                return;
            }
            int wordClass = words.classOf(text.text(), start, end, hash,
                    WordTable.isShort(end - start, wideBits) ? packedChars : 0);
            scan.work++;
            if (scan.threadsAlive() || classMayStart[wordClass]) {
                int step = scan.stepOn(wordClass);
                if ((step & BOUNDARY_MATTERS) != 0 || (boundariesStart
                        && (boundaryStartsTakeAnyWord || classFollowsBoundary[wordClass]))) {
                    int gapStart = lastWordEnd < 0 ? 0 : text.originalEnd(lastWordEnd - 1);
                    int gapEnd = text.originalStart(start);
                    scan.work += gapEnd - gapStart;
                    if (lastWordEnd < 0 || isSentenceBreak(original, gapStart, gapEnd)) {
                        scan.take(scan.stepOn(boundaryToken), start, Math.max(lastWordEnd, 0));
                        step = scan.stepOn(wordClass);
                    }
                }
                scan.take(step, start, end);
            }
            lastWordEnd = end;
        }

        /** After the last word: the end of the text is a sentence boundary. @return the work done (see work) */
        public long end() {
            if (scan == null) {
                return 0;
            }
            if (boundariesStart || scan.threadsAlive()) {
                scan.take(scan.stepOn(boundaryToken), text.length(), Math.max(lastWordEnd, 0));
            }
            return scan.work;
        }
    }

    /** The states cached so far, over all selected languages (for tests of the bound). */
    long cachedStates() {
        return Arrays.stream(dfas).mapToLong(dfa -> dfa.stateCount).sum();
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

    /**
     * One pass over a text: where the automaton is (a cached state's number, or {@link #UNCACHED} and the state
     * itself), and the start of each group of its threads.
     */
    private final class Scan {
        private final Dfa dfa;
        private final PhraseHits hits;
        private int state = INITIAL;
        private DfaState uncachedState;
        private int[] starts = new int[8];
        /** Where the record of the step {@link #stepOn} last returned lies, when it is not a simple step. */
        private int[] record;
        private int recordAt;
        /** The state that step leads to, when it is not cached. */
        private DfaState uncachedTarget;
        long work;

        Scan(Dfa dfa, PhraseHits hits) {
            this.dfa = dfa;
            this.hits = hits;
        }

        boolean threadsAlive() {
            return state != INITIAL; // the only state without threads
        }

        /**
         * The step from where the scan is on {@code token}: from the state's row, or worked out now.
         *
         * @return the step's first int ({@link #TARGET} and the bits after it); the rest
         *         of its record, when it has one, is where {@link #record} and {@link #recordAt} say
         */
        int stepOn(int token) {
            if (state != UNCACHED) {
                int[] row = dfa.row(state);
                int found = StepRows.get(row, token);
                if (found >= 0) {
                    return found;
                }
                if (found != StepRows.ABSENT) {
                    record = row;
                    recordAt = -found;
                    return row[recordAt];
                }
            }
            DfaState from = state == UNCACHED ? uncachedState : dfa.stateAt(state);
            DfaState target = dfa.step(from, token, this);
            uncachedTarget = target.id == UNCACHED ? target : null;
            return record[0];
        }

        /**
         * Takes the step {@link #stepOn} last returned, over a token that begins at {@code tokenStart} (the next
         * word's start, for a boundary); a match reached ends at {@code end}.
         */
        void take(int step, int tokenStart, int end) {
            if ((step & STARTS_HERE) != 0) {
                starts[0] = tokenStart;
            } else if ((step & KEEPS_STARTS) == 0) {
                int at = recordAt + 1;
                int groups = record[at++];
                int sourcesAt = at;
                at += groups;
                int matches = record[at++];
                for (int m = 0; m < matches; m++, at += 2) {
                    int from = record[at + 1];
                    hits.phraseHit(record[at], from == STARTED_HERE ? tokenStart : starts[from], end);
                }
                if (groups > starts.length) {
                    starts = Arrays.copyOf(starts, Math.max(2 * starts.length, groups));
                }
                // sources rise strictly and each is at least its group's index: no start is overwritten before it
                // is read
                for (int g = 0; g < groups; g++) {
                    int source = record[sourcesAt + g];
                    starts[g] = source == STARTED_HERE ? tokenStart : starts[source];
                }
            }
            state = step & TARGET;
            uncachedState = state == UNCACHED ? uncachedTarget : null;
        }
    }

    /**
     * The step cache of one set of selected languages: its states, each once and numbered, and for each the row of
     * steps taken from it so far ({@link StepRows}). A scan reads a row without a lock (an acquiring read of an
     * array that is replaced, never changed); adding a state or a step takes the lock, rarely: once for each the
     * cache ever holds.
     */
    private final class Dfa {
        final long languages;
        final ConcurrentHashMap<DfaState, DfaState> states = new ConcurrentHashMap<>();
        /** The rows, by state number: written before a step that leads to the state is published. */
        private volatile int[][] rows = new int[16][];
        private volatile DfaState[] byNumber = new DfaState[16];
        volatile int stateCount;

        Dfa(long languages) {
            this.languages = languages;
            // the state without threads is where every scan starts and most words leave it: kept whatever the budget
            DfaState initial = new DfaState(new int[0], new int[0], false, INITIAL);
            budgetLeft.addAndGet(-initial.units());
            rows[INITIAL] = StepRows.EMPTY;
            byNumber[INITIAL] = initial;
            stateCount = 1;
            states.put(initial, initial);
        }

        int[] row(int state) {
            return (int[]) ROW.getAcquire(rows, state);
        }

        /**
         * A cached state, read without the lock: its number was read from a row (acquiring what was written before
         * the row was), or from a state that {@link #intern} published, and it was written before either.
         */
        DfaState stateAt(int number) {
            return byNumber[number];
        }

        /**
         * Works a step out (the Pike VM's) into {@code scan}'s record, and caches it and the state it leads to while
         * the budget lasts.
         *
         * @return the state the step leads to
         */
        DfaState step(DfaState from, int token, Scan scan) {
            StepBuilder builder = builders.get();
            builder.run(from, token, languages);
            scan.work += builder.visited;
            DfaState target = intern(builder.threads.toArray(), builder.groupEnds.toArray(),
                    builder.waitsForBoundary);
            int[] record = builder.record(target.id, from.waitsForBoundary);
            scan.record = record;
            scan.recordAt = 0;
            if (from.id != UNCACHED && target.id != UNCACHED) {
                cache(from.id, token, record);
            }
            return target;
        }

        private synchronized void cache(int from, int token, int[] record) {
            int[] row = rows[from];
            if (StepRows.get(row, token) != StepRows.ABSENT) {
                return; // another scan cached it meanwhile
            }
            int[] grown = StepRows.with(row, token, record);
            if (reserve(grown.length - row.length)) {
                ROW.setRelease(rows, from, grown);
            }
        }

        /** The cached state with these threads, cached now if the budget allows, or one for this step only. */
        private DfaState intern(int[] threads, int[] groupEnds, boolean waitsForBoundary) {
            if (threads.length == 0) {
                return byNumber[INITIAL]; // written before the Dfa was published
            }
            DfaState probe = new DfaState(threads, groupEnds, waitsForBoundary, UNCACHED);
            DfaState known = states.get(probe);
            if (known != null) {
                return known;
            }
            synchronized (this) {
                known = states.get(probe);
                if (known != null) {
                    return known;
                }
                if (stateCount > TARGET - 1 || !reserve(probe.units())) {
                    return probe;
                }
                int number = stateCount;
                if (number == byNumber.length) {
                    byNumber = Arrays.copyOf(byNumber, 2 * number);
                    rows = Arrays.copyOf(rows, 2 * number);
                }
                DfaState fresh = new DfaState(threads, groupEnds, waitsForBoundary, number);
                byNumber[number] = fresh;
                ROW.setRelease(rows, number, StepRows.EMPTY);
                stateCount = number + 1;
                states.put(fresh, fresh);
                return fresh;
            }
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
     * ({@code groupEnds}: where each group ends). Equal lists are one state; a cached one has a number, the others
     * {@link #UNCACHED} (their steps are worked out each time).
     */
    private static final class DfaState {
        final int[] threads;
        final int[] groupEnds;
        /** Whether a thread waits for a sentence boundary ({@code <s>} inside a phrase). */
        final boolean waitsForBoundary;
        final int id;
        private final int hash;

        DfaState(int[] threads, int[] groupEnds, boolean waitsForBoundary, int id) {
            this.threads = threads;
            this.groupEnds = groupEnds;
            this.waitsForBoundary = waitsForBoundary;
            this.id = id;
            this.hash = 31 * Arrays.hashCode(threads) + Arrays.hashCode(groupEnds);
        }

        /** Budget units of the state. */
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
     * The steps from one state, as one int array: {@code [mask, token, value, token, value, ..., records...]}, an
     * open-addressing table by token (a state meets few of the word classes, so a table over all of them would be
     * mostly empty; at most half full, so a free slot, token -1, ends a probe) followed by the records of the steps
     * that are not simple. A value {@code >= 0} is a simple step's only int; a negative one is minus where its record
     * begins in the array (a simple step, {@link #KEEPS_STARTS} or {@link #STARTS_HERE}, has no more ints). A step's
     * record: its first int ({@link #TARGET} and the bits after it), the number of groups of the state it leads to,
     * for each the group of the state before whose start it keeps (or {@link #STARTED_HERE}), the number of matches,
     * and for each the rule and the group its start comes from (in the order the VM reaches them). A row is never
     * changed once read by a scan: a step is added to a copy.
     */
    static final class StepRows {
        static final int ABSENT = Integer.MIN_VALUE;
        static final int[] EMPTY = {0, -1, 0};

        private StepRows() {
        }

        static int get(int[] row, int token) {
            int mask = row[0];
            for (int slot = slotOf(token) & mask; ; slot = (slot + 1) & mask) {
                int found = row[1 + 2 * slot];
                if (found == token) {
                    return row[2 + 2 * slot];
                }
                if (found < 0) {
                    return ABSENT;
                }
            }
        }

        /** A copy of {@code row} with one more step; the table twice as large when it would be over half full. */
        static int[] with(int[] row, int token, int[] record) {
            int capacity = row[0] + 1;
            int oldTableEnd = 1 + 2 * capacity;
            int size = 1;
            for (int slot = 0; slot < capacity; slot++) {
                size += row[1 + 2 * slot] >= 0 ? 1 : 0;
            }
            int newCapacity = 2 * size > capacity ? 2 * capacity : capacity;
            int tableEnd = 1 + 2 * newCapacity;
            boolean simple = (record[0] & (KEEPS_STARTS | STARTS_HERE)) != 0;
            int recordsLength = row.length - oldTableEnd;
            int[] grown = new int[tableEnd + recordsLength + (simple ? 0 : record.length)];
            grown[0] = newCapacity - 1;
            for (int slot = 0; slot < newCapacity; slot++) {
                grown[1 + 2 * slot] = -1;
            }
            System.arraycopy(row, oldTableEnd, grown, tableEnd, recordsLength);
            int shift = tableEnd - oldTableEnd;
            for (int slot = 0; slot < capacity; slot++) {
                int oldToken = row[1 + 2 * slot];
                if (oldToken >= 0) {
                    int value = row[2 + 2 * slot];
                    put(grown, oldToken, value >= 0 ? value : value - shift);
                }
            }
            if (simple) {
                put(grown, token, record[0]);
            } else {
                System.arraycopy(record, 0, grown, tableEnd + recordsLength, record.length);
                put(grown, token, -(tableEnd + recordsLength));
            }
            return grown;
        }

        private static void put(int[] row, int token, int value) {
            int mask = row[0];
            int slot = slotOf(token) & mask;
            while (row[1 + 2 * slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            row[1 + 2 * slot] = token;
            row[2 + 2 * slot] = value;
        }

        private static int slotOf(int token) {
            return token * 0x9E3779B9 >>> 16;
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

        /**
         * The step just worked out as a record ({@link StepRows}), alone in its array.
         *
         * @param target the number of the state it leads to, or {@link #UNCACHED}
         */
        int[] record(int target, boolean fromWaitsForBoundary) {
            int groups = groupSources.size();
            int matches = matchRules.size();
            int[] record = new int[3 + groups + 2 * matches];
            boolean continues = false;
            boolean keepsStarts = matches == 0;
            record[1] = groups;
            for (int g = 0; g < groups; g++) {
                int source = groupSources.get(g);
                record[2 + g] = source;
                continues |= source != STARTED_HERE;
                keepsStarts &= source == g;
            }
            record[2 + groups] = matches;
            for (int m = 0; m < matches; m++) {
                record[3 + groups + 2 * m] = matchRules.get(m);
                record[4 + groups + 2 * m] = matchStarts.get(m);
                continues |= matchStarts.get(m) != STARTED_HERE;
            }
            boolean startsHere = matches == 0 && groups == 1 && record[2] == STARTED_HERE;
            record[0] = target | (keepsStarts ? KEEPS_STARTS : 0) | (startsHere ? STARTS_HERE : 0)
                    | (fromWaitsForBoundary || continues ? BOUNDARY_MATTERS : 0);
            return record;
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
