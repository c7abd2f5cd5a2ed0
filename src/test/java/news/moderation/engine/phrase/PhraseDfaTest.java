package news.moderation.engine.phrase;

import news.moderation.engine.bench.BenchmarkCorpus;
import news.moderation.engine.normalize.NormalizedText;
import news.moderation.engine.normalize.Normalizer;
import news.moderation.engine.rules.CompiledRules;
import news.moderation.engine.rules.Rule;
import news.moderation.engine.rules.RuleFiles;
import news.moderation.engine.rules.RulesetCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The step cache of the phrase automaton against the Pike VM it caches (the same automaton with a budget of 0,
 * which works out every step as it comes), over the real rules of {@code rules/}: random word sequences made of the
 * words of every rule example, with sentence breaks, commas and ellipses between them, and the seeded generated
 * corpus, for every selection of languages. The hits (rule, start, end, in the order reported) must be the same,
 * whether the cache has room for every state, runs out of room half way (and falls back to the VM for what it cannot
 * keep), or is filled by several threads at once.
 */
class PhraseDfaTest {
    private static final int RANDOM_TEXTS = 4_000;
    private static final String[] GAPS = {" ", " ", " ", " ", ", ", ". ", "! ", "? ", "... ", "\n", " - "};
    private static final List<String> GENERATED_TERMS = List.of("bitch", "cunt", "fuck*", "idiot", "moron",
            "retard*", "shit", "wanker", "arschloch", "connard", "pendejo");

    private static CompiledRules compiled;
    private static List<Long> languageSelections;
    private static List<String> texts;

    @BeforeAll
    static void loadRulesAndTexts() throws Exception {
        compiled = RulesetCompiler.compile(RuleFiles.read(Path.of("rules")));
        long any = compiled.languageBits().getOrDefault("any", 0L);
        languageSelections = new ArrayList<>(List.of(-1L));
        compiled.languageBits().values().forEach(bit -> languageSelections.add(bit | any));
        texts = new ArrayList<>(randomTexts(compiled.rules()));
        texts.addAll(new BenchmarkCorpus().comments(GENERATED_TERMS, 100_000));
    }

    /**
     * Texts of 1 to 8 pieces of rule examples (a run of 1 to 6 consecutive words of one, so that phrases match,
     * partly match and overlap), with random gaps between the pieces, sentence breaks among them.
     */
    private static List<String> randomTexts(List<Rule> rules) {
        List<String[]> examples = rules.stream()
                .flatMap(rule -> Stream.concat(rule.mustMatch().stream(), rule.mustNotMatch().stream()))
                .map(example -> example.strip().split("\\s+"))
                .toList();
        Random random = new Random(20261201);
        List<String> generated = new ArrayList<>();
        for (int t = 0; t < RANDOM_TEXTS; t++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(8);
            for (int p = 0; p < pieces; p++) {
                if (p > 0) {
                    text.append(GAPS[random.nextInt(GAPS.length)]);
                }
                String[] words = examples.get(random.nextInt(examples.size()));
                int from = random.nextInt(words.length);
                int to = Math.min(words.length, from + 1 + random.nextInt(6));
                text.append(String.join(" ", List.of(words).subList(from, to)));
            }
            generated.add(text.toString());
        }
        return generated;
    }

    @Test
    void theCacheReportsWhatTheVmReports() {
        PhraseAutomaton vm = compiled.phrases().withDfaBudget(0);
        PhraseAutomaton cached = compiled.phrases().withDfaBudget(PhraseAutomaton.DFA_BUDGET);
        assertEquals(hits(vm), hits(cached));
        assertEquals(hits(vm), hits(cached), "the second pass, over steps cached by the first");
        assertEquals(languageSelections.size(), vm.cachedStates(), "the VM keeps only each starting state");
        long textsWithHits = hits(compiled.phrases()).stream().filter(hit -> !hit.isEmpty()).count();
        assertTrue(textsWithHits > 1_000, textsWithHits + " (text, languages) with phrase hits: too few to compare");
    }

    /**
     * With room for a few states only, the cache fills up early and the scan goes on with steps worked out for the
     * word at hand (the VM), back on cached steps whenever it reaches a cached state: same hits, bounded size.
     */
    @Test
    void aFullCacheFallsBackToTheVm() {
        PhraseAutomaton automaton = compiled.phrases();
        PhraseAutomaton vm = automaton.withDfaBudget(0);
        PhraseAutomaton unbounded = automaton.withDfaBudget(PhraseAutomaton.DFA_BUDGET);
        PhraseAutomaton small = automaton.withDfaBudget(20_000);
        assertEquals(hits(vm), hits(small));
        assertEquals(hits(vm), hits(unbounded));
        assertTrue(small.cachedStates() < unbounded.cachedStates() / 2, small.cachedStates() + " states cached"
                + " within the small budget, " + unbounded.cachedStates() + " within the default one");
        long before = small.cachedStates();
        assertEquals(hits(vm), hits(small));
        assertEquals(before, small.cachedStates(), "a full cache keeps no more states");
    }

    /** Several threads fill one empty cache at once: each gets the VM's hits, text by text. */
    @Test
    void threadsFillingTheCacheAtOnceEachGetTheVmsHits() throws Exception {
        PhraseAutomaton automaton = compiled.phrases();
        List<String> expected = hits(automaton.withDfaBudget(0));
        PhraseAutomaton shared = automaton.withDfaBudget(PhraseAutomaton.DFA_BUDGET);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                results.add(pool.submit(() -> hits(shared)));
            }
            for (Future<List<String>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** For each text and selection of languages, its hits as "rule start-end" in the order reported. */
    private static List<String> hits(PhraseAutomaton automaton) {
        List<String> all = new ArrayList<>();
        for (String text : texts) {
            NormalizedText normalized = Normalizer.normalize(text);
            for (long languages : languageSelections) {
                StringBuilder reported = new StringBuilder();
                automaton.scan(normalized, text, languages, (rule, start, end) -> reported.append(rule).append(' ')
                        .append(start).append('-').append(end).append(';'));
                all.add(reported.toString());
            }
        }
        return all;
    }
}
