package news.moderation.engine.phrase;

import news.moderation.engine.match.Term;
import news.moderation.engine.normalize.Normalizer;
import news.moderation.engine.phrase.PhraseNode.Alternatives;
import news.moderation.engine.phrase.PhraseNode.AnyWord;
import news.moderation.engine.phrase.PhraseNode.NotWord;
import news.moderation.engine.phrase.PhraseNode.Repeat;
import news.moderation.engine.phrase.PhraseNode.SentenceBoundary;
import news.moderation.engine.phrase.PhraseNode.Sequence;
import news.moderation.engine.phrase.PhraseNode.Word;
import news.moderation.engine.phrase.PhraseNode.WordClass;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compiles phrase trees of every rule into one {@link PhraseAutomaton}, within a budget: a rule may need at most
 * {@link #MAX_STATES_PER_RULE} states (estimated from its tree before anything is built), the whole automaton at
 * most {@link #MAX_STATES}, a list used by a phrase at most {@link #MAX_LIST_ENTRIES} entries; repeat counts are
 * bounded by the parser. Errors are {@link PhraseSyntaxException}s pointing at the element's column.
 */
public final class PhraseCompiler {
    public static final int MAX_STATES_PER_RULE = 20_000;
    public static final int MAX_STATES = 500_000;
    public static final int MAX_LIST_ENTRIES = 10_000;
    /** The built-in class of @mentions. */
    public static final String MENTION = "mention";
    private static final long SATURATED = Long.MAX_VALUE / 4;

    /** Finds a word list for a rule: its entries and a key naming it uniquely (e.g. "en:insult"), or null. */
    public interface Lists {
        NamedList find(String name);
    }

    public record NamedList(String key, List<String> entries) {
    }

    /** A list as the automaton uses it: one symbol for its one-word entries, word chains for the others. */
    private record CompiledClass(int symbol, List<int[]> chains) {
    }

    private final List<Byte> kinds = new ArrayList<>();
    private final List<Integer> arguments = new ArrayList<>();
    private final List<Integer> nexts = new ArrayList<>();
    private final List<Integer> alternatives = new ArrayList<>();
    private final List<int[]> dispatchSymbols = new ArrayList<>();
    private final List<int[]> dispatchTargets = new ArrayList<>();
    private final Map<String, Set<Integer>> wholeWords = new HashMap<>();
    private final Map<String, Set<Integer>> wordPrefixes = new HashMap<>();
    private final Map<String, Integer> wordSymbols = new HashMap<>();
    private final Map<String, Integer> prefixSymbols = new HashMap<>();
    private final Map<String, CompiledClass> classes = new HashMap<>();
    private final Map<Integer, List<long[]>> startsBySymbol = new LinkedHashMap<>();
    private final List<long[]> boundaryStarts = new ArrayList<>();
    private int symbolCount;
    private int mentionSymbol = -1;
    private Lists lists;

    /**
     * Adds one rule's phrase.
     *
     * @param rule what a match of the phrase reports ({@link PhraseHits}): any int, the automaton only passes it on
     * @throws PhraseSyntaxException when the phrase uses an unknown list, cannot be compiled or is over budget
     */
    public void add(int rule, long languages, PhraseNode tree, Lists lists) {
        this.lists = lists;
        long estimate = estimate(tree) + 1;
        if (estimate > MAX_STATES_PER_RULE) {
            throw new PhraseSyntaxException(tree.column(), "the phrase needs about " + estimate
                    + " automaton states, over the limit of " + MAX_STATES_PER_RULE
                    + " per rule: use smaller repeat counts or shorter lists");
        }
        int firstState = kinds.size();
        int match = state(PhraseAutomaton.MATCH, rule, -1, -1);
        int start = compile(tree, match);
        if (kinds.size() > MAX_STATES) {
            throw new PhraseSyntaxException(tree.column(), "the phrases of the ruleset need more than " + MAX_STATES
                    + " automaton states");
        }
        indexStarts(tree, start, languages, firstState);
    }

    public PhraseAutomaton build() {
        return build(PhraseAutomaton.DFA_BUDGET);
    }

    /** @param dfaBudget the room of the automaton's step cache ({@link PhraseAutomaton#DFA_BUDGET}) */
    PhraseAutomaton build(long dfaBudget) {
        int count = kinds.size();
        byte[] kindArray = new byte[count];
        int[] argumentArray = new int[count];
        int[] nextArray = new int[count];
        int[] alternativeArray = new int[count];
        for (int s = 0; s < count; s++) {
            kindArray[s] = kinds.get(s);
            argumentArray[s] = arguments.get(s);
            nextArray[s] = nexts.get(s);
            alternativeArray[s] = alternatives.get(s);
        }
        int[][] starts = new int[symbolCount][];
        long[][] startLanguages = new long[symbolCount][];
        startsBySymbol.forEach((symbol, list) -> {
            starts[symbol] = list.stream().mapToInt(pair -> (int) pair[0]).toArray();
            startLanguages[symbol] = list.stream().mapToLong(pair -> pair[1]).toArray();
        });
        WordTable table = new WordTable(toArrays(wholeWords), toArrays(wordPrefixes), mentionSymbol);
        return new PhraseAutomaton(kindArray, argumentArray, nextArray, alternativeArray,
                dispatchSymbols.toArray(int[][]::new), dispatchTargets.toArray(int[][]::new), table, symbolCount,
                starts, startLanguages, boundaryStarts.stream().mapToInt(pair -> (int) pair[0]).toArray(),
                boundaryStarts.stream().mapToLong(pair -> pair[1]).toArray(), dfaBudget);
    }

    private static Map<String, int[]> toArrays(Map<String, Set<Integer>> symbols) {
        Map<String, int[]> arrays = new HashMap<>();
        symbols.forEach((key, set) -> arrays.put(key, set.stream().mapToInt(Integer::intValue).toArray()));
        return arrays;
    }

    /** An upper bound of the states {@code node} compiles to, saturating instead of overflowing. */
    private long estimate(PhraseNode node) {
        if (node instanceof Word word) {
            return normalizedWords(word).length;
        } else if (node instanceof WordClass wordClass) {
            if (MENTION.equals(wordClass.name())) {
                return 1;
            }
            long states = 1;
            for (String entry : resolve(wordClass).entries()) {
                states += 2 + entry.strip().chars().filter(c -> c == ' ').count();
            }
            return states;
        } else if (node instanceof Sequence sequence) {
            return sequence.elements().stream().mapToLong(this::estimate).reduce(0, PhraseCompiler::saturatingAdd);
        } else if (node instanceof Alternatives choice) {
            return choice.choices().stream().mapToLong(this::estimate)
                    .reduce(choice.choices().size(), PhraseCompiler::saturatingAdd);
        } else if (node instanceof Repeat repeat) {
            return Math.min(SATURATED, (estimate(repeat.element()) + 1) * repeat.max());
        }
        return 1; // _, <s>, !x: one state each
    }

    private static long saturatingAdd(long a, long b) {
        return Math.min(SATURATED, a + b);
    }

    /** Thompson construction, back to front: returns the state that starts {@code node}, continuing at {@code then}. */
    private int compile(PhraseNode node, int then) {
        if (node instanceof Word word) {
            String[] parts = normalizedWords(word);
            int state = then;
            for (int k = parts.length - 1; k >= 0; k--) {
                state = state(PhraseAutomaton.SYMBOL, wordSymbol(parts[k]), state, -1);
            }
            return state;
        } else if (node instanceof WordClass wordClass) {
            return compileClass(wordClass, then);
        } else if (node instanceof AnyWord) {
            return state(PhraseAutomaton.ANY_WORD, -1, then, -1);
        } else if (node instanceof SentenceBoundary) {
            return state(PhraseAutomaton.BOUNDARY, -1, then, -1);
        } else if (node instanceof NotWord not) {
            return state(PhraseAutomaton.NOT_SYMBOL, excludedSymbol(not), then, -1);
        } else if (node instanceof Sequence sequence) {
            int state = then;
            for (int k = sequence.elements().size() - 1; k >= 0; k--) {
                state = compile(sequence.elements().get(k), state);
            }
            return state;
        } else if (node instanceof Alternatives choice) {
            List<Integer> starts = new ArrayList<>();
            WordTrie literals = new WordTrie();
            for (PhraseNode alternative : choice.choices()) {
                int[] words = literalWords(alternative);
                if (words != null) {
                    literals.add(words);
                } else {
                    starts.add(compile(alternative, then));
                }
            }
            if (!literals.children.isEmpty()) {
                starts.add(0, compileTrie(literals, then));
            }
            return fanOut(starts);
        }
        Repeat repeat = (Repeat) node;
        int state = then;
        for (int k = 0; k < repeat.max(); k++) {
            state = state(PhraseAutomaton.SPLIT, -1, compile(repeat.element(), state), then);
        }
        return state;
    }

    private int fanOut(List<Integer> starts) {
        int state = starts.get(starts.size() - 1);
        for (int k = starts.size() - 2; k >= 0; k--) {
            state = state(PhraseAutomaton.SPLIT, -1, starts.get(k), state);
        }
        return state;
    }

    private int compileClass(WordClass wordClass, int then) {
        if (MENTION.equals(wordClass.name())) {
            return state(PhraseAutomaton.SYMBOL, mentionSymbol(), then, -1);
        }
        CompiledClass compiled = compiledClass(wordClass);
        WordTrie entries = new WordTrie();
        if (compiled.symbol() >= 0) {
            entries.add(new int[] {compiled.symbol()});
        }
        compiled.chains().forEach(entries::add);
        return compileTrie(entries, then);
    }

    /** The symbols of an alternative made only of literal words ("shut up"), or null. */
    private int[] literalWords(PhraseNode node) {
        List<PhraseNode> elements = node instanceof Sequence sequence ? sequence.elements() : List.of(node);
        List<Integer> symbols = new ArrayList<>();
        for (PhraseNode element : elements) {
            if (!(element instanceof Word word)) {
                return null;
            }
            for (String part : normalizedWords(word)) {
                symbols.add(wordSymbol(part));
            }
        }
        return symbols.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Word sequences sharing their first words ("a", "a total", "a complete"), merged: a thread at a fork waits in
     * ONE dispatch state whatever the number of ways on, and each word costs a lookup per symbol it has.
     */
    private static final class WordTrie {
        final TreeMap<Integer, WordTrie> children = new TreeMap<>();
        boolean complete;

        void add(int[] symbols) {
            WordTrie node = this;
            for (int symbol : symbols) {
                node = node.children.computeIfAbsent(symbol, k -> new WordTrie());
            }
            node.complete = true;
        }
    }

    private int compileTrie(WordTrie node, int then) {
        List<Integer> ways = new ArrayList<>();
        if (node.complete) {
            ways.add(then);
        }
        if (node.children.size() == 1) {
            Map.Entry<Integer, WordTrie> only = node.children.firstEntry();
            ways.add(state(PhraseAutomaton.SYMBOL, only.getKey(), compileTrie(only.getValue(), then), -1));
        } else if (node.children.size() > 1) {
            int[] symbols = new int[node.children.size()];
            int[] targets = new int[symbols.length];
            int k = 0;
            for (Map.Entry<Integer, WordTrie> child : node.children.entrySet()) {
                symbols[k] = child.getKey();
                targets[k++] = compileTrie(child.getValue(), then);
            }
            dispatchSymbols.add(symbols);
            dispatchTargets.add(targets);
            ways.add(state(PhraseAutomaton.DISPATCH, dispatchSymbols.size() - 1, -1, -1));
        }
        return fanOut(ways);
    }

    private int excludedSymbol(NotWord not) {
        if (not.excluded() instanceof WordClass wordClass) {
            if (MENTION.equals(wordClass.name())) {
                return mentionSymbol();
            }
            CompiledClass compiled = compiledClass(wordClass);
            if (compiled.symbol() < 0) {
                throw new PhraseSyntaxException(not.column(), "!" + wordClass + " needs one-word entries in the list:"
                        + " a negated class tests a single word");
            }
            return compiled.symbol();
        }
        String[] parts = normalizedWords((Word) not.excluded());
        if (parts.length != 1) {
            throw new PhraseSyntaxException(not.column(), "!" + not.excluded() + " is more than one word");
        }
        return wordSymbol(parts[0]);
    }

    private CompiledClass compiledClass(WordClass wordClass) {
        NamedList list = resolve(wordClass);
        CompiledClass known = classes.get(list.key());
        if (known != null) {
            return known;
        }
        int symbol = -1;
        Set<String> chainKeys = new LinkedHashSet<>();
        List<int[]> chains = new ArrayList<>();
        for (String entry : list.entries()) {
            Term term;
            try {
                term = Term.parse(entry);
            } catch (IllegalArgumentException e) {
                throw new PhraseSyntaxException(wordClass.column(), "list {" + wordClass.name() + "}: "
                        + e.getMessage());
            }
            if (term.kind() == Term.Kind.SUFFIX || term.kind() == Term.Kind.INFIX) {
                throw new PhraseSyntaxException(wordClass.column(), "list {" + wordClass.name() + "}, entry \""
                        + entry + "\": a phrase list entry may end with * (a prefix) but not start with one");
            }
            boolean prefix = term.kind() == Term.Kind.PREFIX;
            String[] words = words(term.key());
            if (words.length == 1) {
                if (symbol < 0) {
                    symbol = symbolCount++;
                }
                (prefix ? wordPrefixes : wholeWords).computeIfAbsent(words[0], k -> new TreeSet<>()).add(symbol);
            } else if (chainKeys.add(term.key() + (prefix ? "*" : ""))) {
                int[] chain = new int[words.length];
                for (int k = 0; k < words.length; k++) {
                    chain[k] = prefix && k == words.length - 1 ? prefixSymbol(words[k]) : wordSymbol(words[k]);
                }
                chains.add(chain);
            }
        }
        CompiledClass compiled = new CompiledClass(symbol, List.copyOf(chains));
        classes.put(list.key(), compiled);
        return compiled;
    }

    private NamedList resolve(WordClass wordClass) {
        NamedList list = lists.find(wordClass.name());
        if (list == null) {
            throw new PhraseSyntaxException(wordClass.column(), "unknown list {" + wordClass.name() + "}");
        }
        if (list.entries().size() > MAX_LIST_ENTRIES) {
            throw new PhraseSyntaxException(wordClass.column(), "list {" + wordClass.name() + "} has "
                    + list.entries().size() + " entries, over the limit of " + MAX_LIST_ENTRIES + " for a phrase");
        }
        return list;
    }

    private static String[] normalizedWords(Word word) {
        String normalized = Normalizer.normalize(word.written()).text();
        if (normalized.isEmpty() || normalized.indexOf('*') >= 0) {
            throw new PhraseSyntaxException(word.column(), "the word \"" + word.written() + "\" normalises to \""
                    + normalized + "\", which cannot be matched");
        }
        return words(normalized);
    }

    /** The words of a normalised text (single spaces between them). */
    private static String[] words(String normalized) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int space = normalized.indexOf(' '); space >= 0; space = normalized.indexOf(' ', start)) {
            words.add(normalized.substring(start, space));
            start = space + 1;
        }
        words.add(normalized.substring(start));
        return words.toArray(String[]::new);
    }

    private int mentionSymbol() {
        if (mentionSymbol < 0) {
            mentionSymbol = symbolCount++;
        }
        return mentionSymbol;
    }

    private int wordSymbol(String word) {
        return wordSymbols.computeIfAbsent(word, w -> {
            int symbol = symbolCount++;
            wholeWords.computeIfAbsent(w, k -> new TreeSet<>()).add(symbol);
            return symbol;
        });
    }

    private int prefixSymbol(String prefix) {
        return prefixSymbols.computeIfAbsent(prefix, p -> {
            int symbol = symbolCount++;
            wordPrefixes.computeIfAbsent(p, k -> new TreeSet<>()).add(symbol);
            return symbol;
        });
    }

    private int state(byte kind, int argument, int next, int alternative) {
        kinds.add(kind);
        arguments.add(argument);
        nexts.add(next);
        alternatives.add(alternative);
        return kinds.size() - 1;
    }

    /**
     * Indexes where the rule can start: for each symbol (and for a boundary), the state a thread is in after the
     * rule's first token, from the labelled states reachable from its start without a token. A phrase
     * that could match no word, or that starts with {@code _} or {@code !}, is refused: the first would report
     * empty spans, the others would have to be tried at every word of every comment.
     */
    private void indexStarts(PhraseNode tree, int start, long languages, int firstState) {
        boolean[] seen = new boolean[kinds.size() - firstState];
        List<Integer> stack = new ArrayList<>(List.of(start));
        while (!stack.isEmpty()) {
            int state = stack.remove(stack.size() - 1);
            if (seen[state - firstState]) {
                continue;
            }
            seen[state - firstState] = true;
            switch (kinds.get(state)) {
                case PhraseAutomaton.SPLIT -> {
                    stack.add(nexts.get(state));
                    stack.add(alternatives.get(state));
                }
                case PhraseAutomaton.MATCH -> throw new PhraseSyntaxException(tree.column(),
                        "the phrase can match without any word: make at least one element required");
                case PhraseAutomaton.SYMBOL -> startsBySymbol.computeIfAbsent(arguments.get(state),
                        k -> new ArrayList<>()).add(new long[] {nexts.get(state), languages});
                case PhraseAutomaton.DISPATCH -> {
                    int[] symbols = dispatchSymbols.get(arguments.get(state));
                    int[] targets = dispatchTargets.get(arguments.get(state));
                    for (int k = 0; k < symbols.length; k++) {
                        startsBySymbol.computeIfAbsent(symbols[k], key -> new ArrayList<>())
                                .add(new long[] {targets[k], languages});
                    }
                }
                case PhraseAutomaton.BOUNDARY -> boundaryStarts.add(new long[] {nexts.get(state), languages});
                default -> throw new PhraseSyntaxException(tree.column(), "the phrase can begin with _ or !…: "
                        + "start it with a word, a {class} or <s>");
            }
        }
    }
}
