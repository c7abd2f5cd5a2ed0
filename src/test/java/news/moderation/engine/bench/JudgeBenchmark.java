package news.moderation.engine.bench;

import news.moderation.engine.Ruleset;
import news.moderation.engine.normalize.Normalizer;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One operation = judging the whole generated corpus (about {@value #CORPUS_CHARS} chars), so MB/s = ops/s × corpus
 * size; {@link RunBenchmarks} does that arithmetic. The baseline is the naive approach the engine replaces: one
 * java.util.regex alternation of all terms, case-insensitive and word-bounded, on the raw text (no evasion handling).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JudgeBenchmark {
    static final int CORPUS_CHARS = 250_000;

    /** the rules directory; when it does not exist a synthetic ruleset is generated (labelled so in the output) */
    @Param("rules")
    public String rulesDir;

    private Ruleset ruleset;
    private Pattern naiveAlternation;
    private List<String> comments;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path rules = rulesOrSynthetic(Path.of(rulesDir));
        ruleset = Ruleset.load(rules);
        List<String> terms = BenchmarkCorpus.termsOf(rules);
        comments = new BenchmarkCorpus().comments(terms, CORPUS_CHARS);
        naiveAlternation = naiveAlternationOf(terms);
    }

    static Path rulesOrSynthetic(Path rules) throws Exception {
        if (Files.isDirectory(rules)) {
            return rules;
        }
        return new BenchmarkCorpus().writeSyntheticRules(Files.createTempDirectory("synthetic-rules"), 80);
    }

    static Pattern naiveAlternationOf(List<String> terms) {
        String alternatives = terms.stream()
                .map(term -> Pattern.quote(term.replace("*", "")) + (term.endsWith("*") ? "\\w*" : ""))
                .distinct()
                .collect(Collectors.joining("|"));
        return Pattern.compile("\\b(?:" + alternatives + ")\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Benchmark
    public void engineJudge(Blackhole blackhole) {
        for (String comment : comments) {
            blackhole.consume(ruleset.judge(comment, null));
        }
    }

    @Benchmark
    public void engineNormalizeOnly(Blackhole blackhole) {
        for (String comment : comments) {
            blackhole.consume(Normalizer.normalize(comment));
        }
    }

    @Benchmark
    public void naiveRegexAlternation(Blackhole blackhole) {
        for (String comment : comments) {
            Matcher matcher = naiveAlternation.matcher(comment);
            int found = 0;
            while (matcher.find()) {
                found++;
            }
            blackhole.consume(found);
        }
    }

    int commentCount() {
        return comments.size();
    }

    long corpusBytes() {
        return BenchmarkCorpus.utf8Bytes(comments);
    }
}
