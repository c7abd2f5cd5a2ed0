package news.moderation.engine.bench;

import news.moderation.engine.Ruleset;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine benchmark: JMH throughput of {@code Ruleset.judge} with the given rules and with their terms-only copy
 * ({@link TermsOnlyRules}), of the normaliser, the term pass and the phrase pass alone, and, in the same run,
 * of @2toad/profanity on the same texts (scripts/bench/profanity, once before and once after the JMH runs); prints MB/s, the ratios to
 * profanity, ruleset compile time and retained heap. Each figure comes as the mean of the measured iterations and
 * as the best iteration: on a shared machine the best is the one least slowed by other processes, so the ratio of
 * the bests is the steadier comparison. Usage: {@code RunBenchmarks [rules-directory [texts]]}
 * (defaults {@code rules} and the generated corpus; a synthetic ruleset is generated when the rules directory does
 * not exist). See docs/engine-benchmarks.md.
 */
public final class RunBenchmarks {
    private static final int WARMUPS = 3;
    private static final int ITERATIONS = 5;
    private static final int SECONDS_PER_ITERATION = 2;
    private static final Path PROFANITY_SCRIPT = Path.of("scripts/bench/profanity/run.sh");
    /** the last line of scripts/bench/profanity/bench.mjs */
    private static final Pattern PROFANITY_RESULT =
            Pattern.compile("profanity\\.exists MB/s: ([0-9.]+) \\(min [0-9.]+, max ([0-9.]+)\\)");

    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String rulesDir = args.length > 0 ? args[0] : "rules";
        String textsSource = args.length > 1 ? args[1] : "";
        Path rules = JudgeBenchmark.rulesOrSynthetic(Path.of(rulesDir));
        boolean synthetic = !Files.isDirectory(Path.of(rulesDir));
        Path termsOnly = TermsOnlyRules.write(rules, Files.createTempDirectory("terms-only-rules"));
        System.out.printf("load average: %s%n", loadAverage());
        System.out.printf("ruleset: %s%s%n  %s%n  terms-only copy (no pattern or phrase rules): %s%n", rules,
                synthetic ? "  (SYNTHETIC: no " + rulesDir + "/ found)" : "", Ruleset.load(rules).stats(),
                Ruleset.load(termsOnly).stats());
        System.out.printf("compile + examples, median of 7: %.0f ms%n", medianLoadMillis(rules, 7));
        System.out.printf("retained heap per ruleset (5 held, GC before/after): %.1f MB%n", retainedMegabytes(rules, 5));

        JudgeBenchmark corpus = new JudgeBenchmark();
        corpus.rulesDir = rules.toString();
        corpus.texts = textsSource;
        corpus.setUp();
        long bytes = corpus.corpusBytes();
        String textsForNode = BenchmarkTexts.exists(textsSource) ? Path.of(textsSource).toAbsolutePath().toString()
                : BenchmarkTexts.writeJsonl(corpus.comments(), Files.createTempFile("bench-texts", ".jsonl")).toString();
        System.out.printf("texts: %s, %d comments, %.2f MB UTF-8 per operation%n",
                BenchmarkTexts.exists(textsSource) ? textsSource : "GENERATED corpus", corpus.commentCount(),
                bytes / 1e6);

        double[] profanityBefore = profanity(textsForNode);
        Map<String, double[]> figures = new LinkedHashMap<>();
        figures.putAll(jmh(rules, textsSource, bytes, "", "engineJudge|normalizer|termAutomaton|phraseAutomaton"));
        figures.putAll(jmh(termsOnly, textsSource, bytes, " [terms-only]", "engineJudge|termAutomaton"));
        double[] profanityAfter = profanity(textsForNode);
        double profanityMean = (profanityBefore[0] + profanityAfter[0]) / 2;
        double profanityBest = Math.max(profanityBefore[1], profanityAfter[1]);

        System.out.printf("%nload average: %s%n", loadAverage());
        System.out.printf("texts: %d comments, %.2f MB%n", corpus.commentCount(), bytes / 1e6);
        System.out.printf("%-34s %9s %9s %9s %13s %13s%n", "benchmark", "mean MB/s", "±(99.9%)", "best MB/s",
                "mean/profan.", "best/profan.");
        for (Map.Entry<String, double[]> figure : figures.entrySet()) {
            double[] value = figure.getValue();
            System.out.printf("%-34s %9.1f %9.1f %9.1f %12.2fx %12.2fx%n", figure.getKey(), value[0], value[1], value[2],
                    value[0] / profanityMean, value[2] / profanityBest);
        }
        System.out.printf("%-34s %9.1f %9s %9.1f   (runs before/after JMH: mean %.1f/%.1f, best %.1f/%.1f)%n",
                "@2toad/profanity 3.3.0 exists()", profanityMean, "", profanityBest, profanityBefore[0],
                profanityAfter[0], profanityBefore[1], profanityAfter[1]);
    }

    /** @return benchmark name (with {@code label}) → {mean MB/s, its 99.9 % error, best iteration's MB/s} */
    private static Map<String, double[]> jmh(Path rules, String texts, long bytes, String label, String benchmarks)
            throws Exception {
        Options options = new OptionsBuilder()
                .include(JudgeBenchmark.class.getName() + ".(" + benchmarks + ")$")
                .param("rulesDir", rules.toString())
                .param("texts", texts)
                .forks(1)
                .warmupIterations(WARMUPS).warmupTime(TimeValue.seconds(SECONDS_PER_ITERATION))
                .measurementIterations(ITERATIONS).measurementTime(TimeValue.seconds(SECONDS_PER_ITERATION))
                .jvmArgs("-Xmx1g")
                .build();
        Map<String, double[]> figures = new LinkedHashMap<>();
        for (RunResult result : new Runner(options).run()) {
            String name = result.getParams().getBenchmark();
            double megabytes = bytes / 1e6;
            figures.put(name.substring(name.lastIndexOf('.') + 1) + label, new double[] {
                    result.getPrimaryResult().getScore() * megabytes, result.getPrimaryResult().getScoreError() * megabytes,
                    result.getPrimaryResult().getStatistics().getMax() * megabytes});
        }
        return figures;
    }

    /**
     * Runs the Node side on the same texts. @return {mean MB/s, best iteration's MB/s} (NaN, with the reason
     * printed, if it fails)
     */
    private static double[] profanity(String texts) throws IOException, InterruptedException {
        List<String> command = List.of(PROFANITY_SCRIPT.toString(), texts, String.valueOf(WARMUPS),
                String.valueOf(SECONDS_PER_ITERATION), String.valueOf(ITERATIONS), String.valueOf(SECONDS_PER_ITERATION));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        double[] result = {Double.NaN, Double.NaN};
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                System.out.println("  [profanity] " + line);
                Matcher figures = PROFANITY_RESULT.matcher(line);
                if (figures.matches()) {
                    result = new double[] {Double.parseDouble(figures.group(1)), Double.parseDouble(figures.group(2))};
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || Double.isNaN(result[0])) {
            System.out.printf("  [profanity] NOT MEASURED: %s exited with %d%n", command, exit);
        }
        return result;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double medianLoadMillis(Path rules, int runs) throws Exception {
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Ruleset.load(rules);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
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
