package news.moderation.engine.bench;

import news.moderation.engine.Ruleset;
import news.moderation.engine.RulesetStats;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Runs the JMH throughput benchmarks and prints MB/s per benchmark, the engine/baseline ratio, ruleset compile time
 * and retained heap per ruleset. Usage: {@code RunBenchmarks [rules-directory]} (default {@code rules}; a synthetic
 * ruleset is generated when it does not exist). See docs/engine-benchmarks.md.
 */
public final class RunBenchmarks {
    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String rulesDir = args.length > 0 ? args[0] : "rules";
        Path rules = JudgeBenchmark.rulesOrSynthetic(Path.of(rulesDir));
        boolean synthetic = !Files.isDirectory(Path.of(rulesDir));
        Ruleset ruleset = Ruleset.load(rules);
        RulesetStats stats = ruleset.stats();
        System.out.printf("ruleset: %s%s%n  %s%n", rules, synthetic ? "  (SYNTHETIC: no " + rulesDir + "/ found)" : "",
                stats);
        System.out.printf("compile + examples, median of 7: %.0f ms%n", medianLoadMillis(rules, 7));
        System.out.printf("retained heap per ruleset (5 held, GC before/after): %.1f MB%n", retainedMegabytes(rules, 5));

        JudgeBenchmark corpus = new JudgeBenchmark();
        corpus.rulesDir = rules.toString();
        corpus.setUp();
        long bytes = corpus.corpusBytes();
        Options options = new OptionsBuilder()
                .include(JudgeBenchmark.class.getName())
                .param("rulesDir", rules.toString())
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .jvmArgs("-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.printf("%ncorpus: %d comments, %.2f MB UTF-8 per operation%n", corpus.commentCount(), bytes / 1e6);
        double engine = 0;
        double baseline = 0;
        for (RunResult result : results) {
            String name = simpleName(result.getParams().getBenchmark());
            double opsPerSecond = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            double megabytesPerSecond = opsPerSecond * bytes / 1e6;
            System.out.printf("%-24s %8.1f MB/s  (± %.1f)%n", name, megabytesPerSecond, error * bytes / 1e6);
            engine = name.equals("engineJudge") ? megabytesPerSecond : engine;
            baseline = name.equals("naiveRegexAlternation") ? megabytesPerSecond : baseline;
        }
        System.out.printf("engine / naive java.util.regex alternation: %.1fx%n", engine / baseline);
    }

    private static String simpleName(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    private static double medianLoadMillis(Path rules, int runs) throws Exception {
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Ruleset.load(rules);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(millis);
        return millis[runs / 2];
    }

    private static double retainedMegabytes(Path rules, int count) throws Exception {
        Ruleset.load(rules); // caches (character folding tables) are per JVM, not per ruleset
        long before = usedHeapAfterGc();
        List<Ruleset> held = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            held.add(Ruleset.load(rules));
        }
        long after = usedHeapAfterGc();
        if (held.size() != count) {
            throw new IllegalStateException();
        }
        return (after - before) / 1e6 / count;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
