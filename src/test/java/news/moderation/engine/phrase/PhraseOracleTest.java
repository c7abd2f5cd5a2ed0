package news.moderation.engine.phrase;

import news.moderation.engine.normalize.NormalizedText;
import news.moderation.engine.normalize.Normalizer;
import news.moderation.engine.phrase.PhraseNode.Alternatives;
import news.moderation.engine.phrase.PhraseNode.AnyWord;
import news.moderation.engine.phrase.PhraseNode.NotWord;
import news.moderation.engine.phrase.PhraseNode.Repeat;
import news.moderation.engine.phrase.PhraseNode.SentenceBoundary;
import news.moderation.engine.phrase.PhraseNode.Sequence;
import news.moderation.engine.phrase.PhraseNode.Word;
import news.moderation.engine.phrase.PhraseNode.WordClass;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The automaton (with its step cache, and without: budget 0) against an oracle that knows nothing of it: phrases
 * matched by plain recursion over their syntax trees at every token where they could start, a sentence boundary
 * before the first word, at every break and after the last word. What the automaton promises is, for each rule and
 * each token where a match of it ends, one hit with the earliest start; rules of unselected languages report none.
 * Random texts over the phrases' own words, with overlapping and partial matches and breaks between them, check
 * the starts the scan keeps per group of threads, the boundaries it skips and the steps it caches.
 */
class PhraseOracleTest {
    private static final Map<String, List<String>> LISTS = Map.of(
            "you_are", List.of("you are", "ur", "you r", "youre"),
            "filler", List.of("a", "an", "such a", "total", "complete", "really", "so"),
            "insult", List.of("idiot", "loser*", "piece of shit", "clown", "lo*"),
            "group", List.of("immigrants", "refugees", "muslim people"),
            "negation", List.of("not", "never", "no"),
            "bad", List.of("animals", "vermin", "parasites", "a*"));
    private static final List<String> PHRASES = List.of(
            "{you_are} {filler}*3 {insult}",
            "{group} are (!{negation})*2 {bad}",
            "<s> {insult} <s>",
            "<s> _ {insult}",
            "kill _*2 {group}",
            "(shut up | go away) {insult}",
            "{mention} is {filler}? {insult}",
            "{filler} {insult}",
            "{insult} {insult}",
            "one <s> {insult}",
            "you are !not {insult}",
            "{insult} _? <s> {group}");
    private static final String[] EXTRA_WORDS = {"@bob", "kill", "shut", "up", "go", "away", "one", "is", "are",
        "the", "weather", "loser5", "LOSERS", "lovely"};
    private static final String[] GAPS = {" ", " ", " ", " ", ", ", ". ", "! ", "?\n", "... ", " - "};
    private static final int TEXTS = 3_000;

    private record Token(boolean boundary, String word, int start, int end) {
    }

    /**
     * With every phrase, and without the one that takes any word after a boundary (which makes the scan read every
     * gap between words; without it, only the gaps where a boundary can change something).
     */
    @Test
    void theAutomatonReportsWhatTheOracleFinds() {
        checkAgainstTheOracle(PHRASES);
        checkAgainstTheOracle(PHRASES.stream().filter(phrase -> !phrase.startsWith("<s> _")).toList());
    }

    private static void checkAgainstTheOracle(List<String> phrases) {
        List<PhraseNode> trees = phrases.stream().map(PhraseParser::parse).toList();
        PhraseCompiler compiler = new PhraseCompiler();
        for (int rule = 0; rule < trees.size(); rule++) {
            compiler.add(rule, 1L << (rule % 3), trees.get(rule), name -> LISTS.containsKey(name)
                    ? new PhraseCompiler.NamedList("en:" + name, LISTS.get(name)) : null);
        }
        PhraseAutomaton cached = compiler.build();
        PhraseAutomaton vm = cached.withDfaBudget(0);
        List<String> vocabulary = new ArrayList<>(List.of(EXTRA_WORDS));
        LISTS.values().forEach(entries -> entries.forEach(entry -> vocabulary.addAll(
                List.of(entry.replace("*", "").split(" ")))));
        Random random = new Random(7);
        int withHits = 0;
        for (int t = 0; t < TEXTS; t++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "" : GAPS[random.nextInt(GAPS.length)]);
            int words = 1 + random.nextInt(16);
            for (int w = 0; w < words; w++) {
                text.append(vocabulary.get(random.nextInt(vocabulary.size())))
                        .append(w + 1 < words || random.nextBoolean() ? GAPS[random.nextInt(GAPS.length)] : "");
            }
            for (long languages : new long[] {-1L, 0b101}) {
                List<String> expected = oracle(trees, text.toString(), languages);
                assertEquals(expected, hits(cached, text.toString(), languages), text.toString());
                assertEquals(expected, hits(vm, text.toString(), languages), text.toString());
                withHits += expected.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(withHits > TEXTS / 2, withHits + " texts with hits: too few to compare");
    }

    private static List<String> hits(PhraseAutomaton automaton, String text, long languages) {
        List<String> hits = new ArrayList<>();
        automaton.scan(Normalizer.normalize(text), text, languages,
                (rule, start, end) -> hits.add(rule + " " + start + "-" + end));
        hits.sort(null);
        return hits;
    }

    /** For each rule of a selected language and each token where a match of it ends, the earliest start. */
    private static List<String> oracle(List<PhraseNode> trees, String text, long languages) {
        List<Token> tokens = tokens(text);
        List<String> hits = new ArrayList<>();
        for (int rule = 0; rule < trees.size(); rule++) {
            if ((1L << (rule % 3) & languages) == 0) {
                continue;
            }
            TreeMap<Integer, Integer> earliestStartByEnd = new TreeMap<>();
            for (int from = 0; from < tokens.size(); from++) {
                for (int to : ends(trees.get(rule), tokens, from)) {
                    if (to > from) {
                        earliestStartByEnd.putIfAbsent(to, from);
                    }
                }
            }
            for (Map.Entry<Integer, Integer> match : earliestStartByEnd.entrySet()) {
                hits.add(rule + " " + tokens.get(match.getValue()).start() + "-"
                        + tokens.get(match.getKey() - 1).end());
            }
        }
        hits.sort(null);
        return hits;
    }

    /**
     * The words of the normalised text with a boundary before the first, at every sentence break and after the
     * last; a boundary starts where the next word does, and a match ending on it ends where the word before does.
     */
    private static List<Token> tokens(String text) {
        NormalizedText normalized = Normalizer.normalize(text);
        String words = normalized.text();
        List<Token> tokens = new ArrayList<>();
        int lastWordEnd = -1;
        for (int i = 0; i < words.length(); ) {
            if (words.charAt(i) == ' ') {
                i++;
                continue;
            }
            int start = i;
            while (i < words.length() && words.charAt(i) != ' ') {
                i++;
            }
            if (lastWordEnd < 0 || PhraseAutomaton.isSentenceBreak(text, normalized.originalEnd(lastWordEnd - 1),
                    normalized.originalStart(start))) {
                tokens.add(new Token(true, null, start, Math.max(lastWordEnd, 0)));
            }
            tokens.add(new Token(false, words.substring(start, i), start, i));
            lastWordEnd = i;
        }
        tokens.add(new Token(true, null, words.length(), Math.max(lastWordEnd, 0)));
        return tokens;
    }

    /** Every token index where a match of {@code node} that begins at {@code from} can end (exclusive). */
    private static Set<Integer> ends(PhraseNode node, List<Token> tokens, int from) {
        Set<Integer> ends = new TreeSet<>();
        if (node instanceof Sequence sequence) {
            Set<Integer> at = Set.of(from);
            for (PhraseNode element : sequence.elements()) {
                Set<Integer> next = new TreeSet<>();
                at.forEach(position -> next.addAll(ends(element, tokens, position)));
                at = next;
            }
            ends.addAll(at);
        } else if (node instanceof Alternatives choice) {
            choice.choices().forEach(alternative -> ends.addAll(ends(alternative, tokens, from)));
        } else if (node instanceof Repeat repeat) {
            Set<Integer> at = Set.of(from);
            ends.add(from);
            for (int k = 0; k < repeat.max(); k++) {
                Set<Integer> next = new TreeSet<>();
                at.forEach(position -> next.addAll(ends(repeat.element(), tokens, position)));
                ends.addAll(next);
                at = next;
            }
        } else if (node instanceof SentenceBoundary) {
            if (from < tokens.size() && tokens.get(from).boundary()) {
                ends.add(from + 1);
            }
        } else if (node instanceof Word word) {
            String[] parts = Normalizer.normalize(word.written()).text().split(" ");
            if (wordsAt(tokens, from, parts, false)) {
                ends.add(from + parts.length);
            }
        } else if (node instanceof WordClass wordClass && PhraseCompiler.MENTION.equals(wordClass.name())) {
            if (from < tokens.size() && !tokens.get(from).boundary() && tokens.get(from).word().startsWith("@")) {
                ends.add(from + 1);
            }
        } else if (node instanceof WordClass wordClass) {
            LISTS.get(wordClass.name()).forEach(entry -> {
                boolean prefix = entry.endsWith("*");
                String[] parts = Normalizer.normalize(entry.replace("*", "")).text().split(" ");
                if (wordsAt(tokens, from, parts, prefix)) {
                    ends.add(from + parts.length);
                }
            });
        } else if (from < tokens.size() && !tokens.get(from).boundary()
                && (node instanceof AnyWord || !isOneWordOf(((NotWord) node).excluded(), tokens.get(from).word()))) {
            ends.add(from + 1);
        }
        return ends;
    }

    /** Whether the words {@code parts} are at {@code from}, the last one only begun when {@code prefix}. */
    private static boolean wordsAt(List<Token> tokens, int from, String[] parts, boolean prefix) {
        for (int k = 0; k < parts.length; k++) {
            if (from + k >= tokens.size() || tokens.get(from + k).boundary()) {
                return false;
            }
            String word = tokens.get(from + k).word();
            boolean last = k == parts.length - 1;
            if (!(last && prefix ? word.startsWith(parts[k]) : word.equals(parts[k]))) {
                return false;
            }
        }
        return parts.length > 0;
    }

    private static boolean isOneWordOf(PhraseNode excluded, String word) {
        if (excluded instanceof WordClass wordClass) {
            if (PhraseCompiler.MENTION.equals(wordClass.name())) {
                return word.startsWith("@");
            }
            return LISTS.get(wordClass.name()).stream().filter(entry -> !entry.contains(" "))
                    .anyMatch(entry -> entry.endsWith("*") ? word.startsWith(Normalizer.normalize(
                            entry.replace("*", "")).text()) : word.equals(Normalizer.normalize(entry).text()));
        }
        return word.equals(Normalizer.normalize(((Word) excluded).written()).text());
    }
}
