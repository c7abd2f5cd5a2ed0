package news.moderation.engine.bench;

import news.moderation.engine.Ruleset;
import news.moderation.engine.match.TermHits;
import news.moderation.engine.match.TermIndex;
import news.moderation.engine.normalize.NormalizedText;
import news.moderation.engine.normalize.Normalizer;
import news.moderation.engine.normalize.WordVisitor;
import news.moderation.engine.phrase.PhraseAutomaton;
import news.moderation.engine.rules.CompiledRules;
import news.moderation.engine.rules.RuleFiles;
import news.moderation.engine.rules.RulesetCompiler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One operation = one pass over all benchmark texts ({@link BenchmarkTexts}), so MB/s = ops/s × their UTF-8 size;
 * {@link RunBenchmarks} does that arithmetic and puts @2toad/profanity next to it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JudgeBenchmark {
    /** the rules directory; when it does not exist a synthetic ruleset is generated (labelled so in the output) */
    @Param("rules")
    public String rulesDir;

    /** a .jsonl file or a directory of them whose "text" fields are the texts; blank or absent: generated corpus */
    @Param("")
    public String texts;

    private Ruleset ruleset;
    private TermIndex terms;
    private PhraseAutomaton phrases;
    private List<String> comments;
    private List<NormalizedText> normalized;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path rules = rulesOrSynthetic(Path.of(rulesDir));
        ruleset = Ruleset.load(rules);
        CompiledRules compiled = RulesetCompiler.compile(RuleFiles.read(rules));
        terms = compiled.terms();
        phrases = compiled.phrases();
        comments = BenchmarkTexts.load(texts, rules);
        normalized = comments.stream().map(Normalizer::normalize).toList();
    }

    static Path rulesOrSynthetic(Path rules) throws Exception {
        if (Files.isDirectory(rules)) {
            return rules;
        }
        return new BenchmarkCorpus().writeSyntheticRules(Files.createTempDirectory("synthetic-rules"), 80);
    }

    /** The whole engine: {@code Ruleset.judge(text, null)} (every language, every normalisation). */
    @Benchmark
    public void engineJudge(Blackhole blackhole) {
        for (String comment : comments) {
            blackhole.consume(ruleset.judge(comment, null));
        }
    }

    /** The normaliser alone, for the breakdown. */
    @Benchmark
    public void normalizer(Blackhole blackhole) {
        for (String comment : comments) {
            blackhole.consume(Normalizer.normalize(comment));
        }
    }

    /**
     * The term pass alone (automaton, boundaries, masked words) over texts normalised beforehand, for the breakdown;
     * its char loop also finds and hashes the words, which {@code engineJudge} hands to the phrase pass.
     */
    @Benchmark
    public void termAutomaton(Blackhole blackhole) {
        HitCounter hits = new HitCounter();
        for (NormalizedText text : normalized) {
            terms.scan(text, -1L, hits, WordVisitor.NONE);
        }
        blackhole.consume(hits.count);
    }

    /**
     * The phrase pass alone (finding the words, which {@code engineJudge} gets from the term pass's loop instead,
     * word lookups, the token automaton, sentence boundaries read from the original) over texts normalised
     * beforehand, for the breakdown; with the normaliser, the term pass and this, the rest of {@code engineJudge} is
     * the patterns and building the verdict, less the word finding counted twice.
     */
    @Benchmark
    public void phraseAutomaton(Blackhole blackhole) {
        long[] hits = new long[1];
        for (int i = 0; i < comments.size(); i++) {
            phrases.scan(normalized.get(i), comments.get(i), -1L, (rule, start, end) -> hits[0] += end - start);
        }
        blackhole.consume(hits[0]);
    }

    int commentCount() {
        return comments.size();
    }

    List<String> comments() {
        return comments;
    }

    long corpusBytes() {
        return BenchmarkTexts.utf8Bytes(comments);
    }

    /** Receives the hits of the term pass; counting them keeps the work observable. */
    private static final class HitCounter implements TermHits {
        long count;

        @Override
        public void ruleHit(int rule, int start, int end) {
            count += end - start;
        }

        @Override
        public void allowed(int start, int end) {
            count++;
        }

        @Override
        public void markerSeen(int markerGroup) {
            count++;
        }
    }
}
