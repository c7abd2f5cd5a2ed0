package news.moderation.engine.phrase;

import news.moderation.engine.normalize.NormalizedText;
import news.moderation.engine.normalize.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each matching test runs with the step cache and without it (budget 0: the Pike VM works out every step). */
class PhraseAutomatonTest {
    private static final Map<String, List<String>> LISTS = Map.of(
            "you_are", List.of("you are", "ur", "you r", "youre"),
            "filler", List.of("a", "an", "such a", "total", "complete", "really", "so"),
            "insult", List.of("idiot", "loser*", "piece of shit", "clown"),
            "group", List.of("immigrants", "refugees", "muslim people"),
            "negation", List.of("not", "never", "no"),
            "bad", List.of("animals", "vermin", "parasites"),
            "insult_phrases", List.of("piece of shit", "waste of space"));

    private static PhraseAutomaton compile(String... phrases) {
        return compile(PhraseAutomaton.DFA_BUDGET, phrases);
    }

    /** @param dfaBudget {@link PhraseAutomaton#DFA_BUDGET}, or 0: no step cached, the Pike VM works out every one */
    private static PhraseAutomaton compile(long dfaBudget, String... phrases) {
        PhraseCompiler compiler = new PhraseCompiler();
        for (int rule = 0; rule < phrases.length; rule++) {
            compiler.add(rule, 1L << rule, PhraseParser.parse(phrases[rule]), name -> LISTS.containsKey(name)
                    ? new PhraseCompiler.NamedList("en:" + name, LISTS.get(name)) : null);
        }
        return compiler.build(dfaBudget);
    }

    /** The matches as "rule:original excerpt", overlapping matches of one rule merged, sorted. */
    private static List<String> matches(PhraseAutomaton automaton, String text, long languages) {
        NormalizedText normalized = Normalizer.normalize(text);
        List<int[]> hits = new ArrayList<>();
        automaton.scan(normalized, text, languages, (rule, start, end) -> hits.add(new int[] {rule,
                normalized.originalStart(start), normalized.originalEnd(end - 1)}));
        hits.sort((a, b) -> a[0] != b[0] ? a[0] - b[0] : a[1] - b[1]);
        TreeSet<String> merged = new TreeSet<>();
        int[] current = null;
        for (int[] hit : hits) {
            if (current != null && current[0] == hit[0] && hit[1] < current[2]) {
                current[2] = Math.max(current[2], hit[2]);
            } else {
                if (current != null) {
                    merged.add(current[0] + ":" + text.substring(current[1], current[2]));
                }
                current = hit.clone();
            }
        }
        if (current != null) {
            merged.add(current[0] + ":" + text.substring(current[1], current[2]));
        }
        return List.copyOf(merged);
    }

    private static List<String> matches(long dfaBudget, String phrase, String text) {
        return matches(compile(dfaBudget, phrase), text, -1L);
    }

    static LongStream dfaBudgets() {
        return LongStream.of(PhraseAutomaton.DFA_BUDGET, 0);
    }

    @ParameterizedTest
    @MethodSource("dfaBudgets")
    void classesWithMultiWordAndPrefixEntriesAndBoundedFillers(long dfaBudget) {
        String phrase = "{you_are} {filler}*3 {insult}";
        assertEquals(List.of("0:you are a piece of shit"), matches(dfaBudget, phrase, "you are a piece of shit"));
        assertEquals(List.of("0:UR SUCH A TOTAL L0SERS"), matches(dfaBudget, phrase, "well UR SUCH A TOTAL L0SERS!!"));
        assertEquals(List.of("0:You r a clown"), matches(dfaBudget, phrase, "You r a clown"));
        assertEquals(List.of(), matches(dfaBudget, phrase, "you are a really so complete total clown")); // 4 fillers
        assertEquals(List.of(), matches(dfaBudget, phrase, "you are a piece of cake"));
        assertEquals(List.of(), matches(dfaBudget, phrase, "you are the best")); // "the" is no filler
    }

    @ParameterizedTest
    @MethodSource("dfaBudgets")
    void negationIsAWordThatMustNotBeThere(long dfaBudget) {
        String phrase = "{group} are (!{negation})*2 {bad}";
        assertEquals(List.of("0:immigrants are animals"), matches(dfaBudget, phrase, "immigrants are animals"));
        assertEquals(List.of("0:Refugees are basically all vermin"),
                matches(dfaBudget, phrase, "Refugees are basically all vermin"));
        assertEquals(List.of(), matches(dfaBudget, phrase, "immigrants are not animals"));
        assertEquals(List.of(), matches(dfaBudget, phrase, "refugees are certainly never parasites"));
        assertEquals(List.of(), matches(dfaBudget, "you are !not {insult}", "you are not idiot"));
        assertEquals(List.of("0:you are an idiot"), matches(dfaBudget, "you are !not {insult}", "you are an idiot"));
        assertEquals(List.of(), matches(dfaBudget, "you are !not {insult}", "you are idiot")); // ! takes one word
    }

    @ParameterizedTest
    @MethodSource("dfaBudgets")
    void noPhraseRunsAcrossASentenceBoundaryUnlessItSaysSo(long dfaBudget) {
        String phrase = "{you_are} {filler}*2 {insult}";
        assertEquals(List.of(), matches(dfaBudget, phrase, "You are. A clown is here"));
        assertEquals(List.of(), matches(dfaBudget, phrase, "so you are?\nidiot"));
        assertEquals(List.of("0:you are... a clown"), matches(dfaBudget, phrase, "you are... a clown")); // an ellipsis
        assertEquals(List.of("0:you are, a clown"), matches(dfaBudget, phrase, "you are, a clown")); // a comma
        String wholeReply = "<s> {insult} <s>";
        assertEquals(List.of("0:Clown"), matches(dfaBudget, wholeReply, "Clown."));
        assertEquals(List.of("0:Idiot"), matches(dfaBudget, wholeReply, "Really? Idiot!"));
        assertEquals(List.of(), matches(dfaBudget, wholeReply, "the clown was funny"));
        assertEquals(List.of("0:one. Idiot"), matches(dfaBudget, "one <s> {insult}", "one. Idiot"));
        assertEquals(List.of(), matches(dfaBudget, "one <s> {insult}", "one idiot"));
    }

    @ParameterizedTest
    @MethodSource("dfaBudgets")
    void boundedRepeatsOfAnyWordLimitTheDistance(long dfaBudget) {
        String phrase = "kill _*2 {group}";
        assertEquals(List.of("0:kill immigrants"), matches(dfaBudget, phrase, "kill immigrants"));
        assertEquals(List.of("0:kill all the refugees"), matches(dfaBudget, phrase, "kill all the refugees"));
        assertEquals(List.of(), matches(dfaBudget, phrase, "kill time, read about the refugees"));
        assertEquals(List.of(), matches(dfaBudget, phrase, "kill the time reading about refugees"));
    }

    @ParameterizedTest
    @MethodSource("dfaBudgets")
    void alternativesLiteralWordsAndMentions(long dfaBudget) {
        PhraseAutomaton automaton = compile(dfaBudget, "(shut up | go away) {insult}",
                "{mention} is {filler}? {insult}", "i will kill you");
        assertEquals(List.of("0:Shut up, idiot"), matches(automaton, "Shut up, idiot", -1L));
        assertEquals(List.of("0:go away loser"), matches(automaton, "go away loser", -1L));
        assertEquals(List.of("1:@Bob_99 is a clown"), matches(automaton, "@Bob_99 is a clown", -1L));
        assertEquals(List.of(), matches(automaton, "bob is a clown", -1L));
        assertEquals(List.of("2:I WILL KILL you"), matches(automaton, "I WILL KILL you", -1L)); // normalised alike
        assertEquals(List.of(), matches(automaton, "I'll kill you", -1L)); // "i'll" is "il", another word
    }

    @ParameterizedTest
    @MethodSource("dfaBudgets")
    void overlappingRulesAreAllReportedAndOnlySelectedLanguagesRun(long dfaBudget) {
        PhraseAutomaton automaton = compile(dfaBudget, "{you_are} {filler}*2 {insult}", "{filler} {insult}",
                "{insult} {insult}");
        assertEquals(List.of("0:you are a total idiot", "1:total idiot", "2:idiot clown"),
                matches(automaton, "you are a total idiot clown", -1L));
        assertEquals(List.of("1:total idiot"), matches(automaton, "you are a total idiot clown", 1L << 1));
    }

    @Test
    void theBudgetRefusesOversizedPhrasesAndLists() {
        PhraseSyntaxException repeats = assertThrows(PhraseSyntaxException.class,
                () -> compile("you (((({filler}*8)*8)*8)*8) {insult}"));
        assertTrue(repeats.getMessage().contains("limit of " + PhraseCompiler.MAX_STATES_PER_RULE),
                repeats.getMessage());
        PhraseCompiler compiler = new PhraseCompiler();
        List<String> huge = Collections.nCopies(PhraseCompiler.MAX_LIST_ENTRIES + 1, "word");
        PhraseSyntaxException list = assertThrows(PhraseSyntaxException.class, () -> compiler.add(0, 1,
                PhraseParser.parse("you {huge}"), name -> new PhraseCompiler.NamedList("en:huge", huge)));
        assertEquals(5, list.column());
        assertTrue(list.getMessage().contains("over the limit of " + PhraseCompiler.MAX_LIST_ENTRIES),
                list.getMessage());
    }

    @Test
    void refusesPhrasesThatCouldMatchNothingOrStartAnywhere() {
        assertTrue(assertThrows(PhraseSyntaxException.class, () -> compile("{insult}? idiot?"))
                .getMessage().contains("without any word"));
        assertTrue(assertThrows(PhraseSyntaxException.class, () -> compile("_ {insult}"))
                .getMessage().contains("start it with"));
        assertTrue(assertThrows(PhraseSyntaxException.class, () -> compile("!not {insult}"))
                .getMessage().contains("start it with"));
        PhraseSyntaxException unknown = assertThrows(PhraseSyntaxException.class, () -> compile("you {nosuch}"));
        assertEquals(5, unknown.column());
        assertTrue(unknown.getMessage().contains("unknown list {nosuch}"), unknown.getMessage());
        assertTrue(assertThrows(PhraseSyntaxException.class, () -> compile("you !{insult_phrases}")).getMessage()
                .contains("one-word entries"));
    }

    /**
     * Many partial matches (every "you are a a a ..." could still become an insult) cost a bounded number of
     * threads per word: the work (words looked up, states visited, chars read between words) for eight times the
     * text is eight times the work, not 64 (quadratic). A count, so a busy machine does not matter.
     */
    @ParameterizedTest
    @MethodSource("dfaBudgets")
    void manyPartialMatchesStayLinear(long dfaBudget) {
        PhraseAutomaton automaton = compile(dfaBudget, "{you_are} {filler}*8 {insult}", "{you_are} _*8 {bad}",
                "(you | ur) {filler}*8 (loser | clown) _*8 {group}", "<s> {insult} <s>");
        String unit = "you are a you are such a ur so really. ";
        String shortText = unit.repeat(400);
        String longText = unit.repeat(3200);
        assertEquals(List.of(), matches(automaton, longText, -1L));
        double ratio = (double) work(automaton, longText) / work(automaton, shortText);
        assertTrue(ratio > 7.9 && ratio < 8.1, "8 times the text took " + ratio + " times the work");
        long perWord = work(automaton, longText) / (3200L * 9);
        assertTrue(perWord < 100, perWord + " steps per word");
    }

    /**
     * A list of 2,000 entries, half of them two words, waits as one thread per fork (a trie with dispatch states),
     * not one per entry: the work per word stays small where every word could continue the list.
     */
    @ParameterizedTest
    @MethodSource("dfaBudgets")
    void aLongListIsOneForkNotOneThreadPerEntry(long dfaBudget) {
        List<String> entries = new ArrayList<>();
        for (int k = 0; k < 1000; k++) {
            entries.add("word" + k);
            entries.add("word" + k + " more" + k);
        }
        PhraseCompiler compiler = new PhraseCompiler();
        compiler.add(0, 1L, PhraseParser.parse("you {long}*2 idiot"),
                name -> new PhraseCompiler.NamedList("en:long", entries));
        PhraseAutomaton automaton = compiler.build(dfaBudget);
        String text = "you word1 word2 idiot you word5 more5 idiot ".repeat(200);
        assertEquals(List.of("0:you word5 more5 idiot"), matches(automaton, "you word5 more5 idiot", 1L));
        long perWord = work(automaton, text) / (200L * 8);
        assertTrue(perWord < 40, perWord + " steps per word");
    }

    /**
     * A word that no phrase mentions, with no thread alive, costs its lookup alone: even where a phrase starts at a
     * sentence boundary, the text between the words is not read (it could only start a thread that dies at once).
     * Where a phrase after a boundary takes any word, every boundary is looked for.
     */
    @ParameterizedTest
    @MethodSource("dfaBudgets")
    void wordsNoPhraseMentionsCostOneStepEach(long dfaBudget) {
        String text = "The weather. Was lovely today, wasn't it?\nWe walked along the river. ".repeat(50);
        int words = 12 * 50;
        PhraseAutomaton startsWithAClass = compile(dfaBudget, "<s> {insult} <s>", "{you_are} {filler}*2 {insult}");
        assertEquals(words, work(startsWithAClass, text) - work(startsWithAClass, "")); // "": the end of the text
        PhraseAutomaton startsWithAnyWord = compile(dfaBudget, "<s> _ {insult}");
        assertTrue(work(startsWithAnyWord, text) > 2L * words, "every gap is read");
        assertEquals(List.of("0:Total idiot"), matches(startsWithAnyWord, "Nice. Total idiot", -1L));
    }

    /** The work of a pass over {@code text} after a first pass has cached the steps it needs. */
    private static long work(PhraseAutomaton automaton, String text) {
        NormalizedText normalized = Normalizer.normalize(text);
        PhraseHits ignored = (rule, start, end) -> {
        };
        automaton.work(normalized, text, -1L, ignored);
        return automaton.work(normalized, text, -1L, ignored);
    }
}
