package news.moderation.engine;

import java.nio.file.Path;

/**
 * Compiles a rules directory and runs every rule's examples: prints the version, the counts and "OK", or the
 * problem (file, rule, example) and exits with status 1. Usage: {@code RulesLint [rules-directory]} (default
 * {@code rules}); see docs/rules.md for the Maven command.
 */
public final class RulesLint {
    private RulesLint() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args.length > 0 ? args[0] : "rules");
        long started = System.nanoTime();
        try {
            Ruleset ruleset = Ruleset.load(directory);
            long millis = (System.nanoTime() - started) / 1_000_000;
            RulesetStats stats = ruleset.stats();
            System.out.println("rules directory: " + directory.toAbsolutePath().normalize());
            System.out.println("version:   " + ruleset.version());
            System.out.println("files:     " + stats.files());
            System.out.println("languages: " + new java.util.TreeSet<>(stats.languages()));
            System.out.println("rules:     " + stats.rules() + " (" + stats.terms() + " terms, " + stats.patterns()
                    + " patterns), allow-list entries: " + stats.allowTerms());
            System.out.println("loaded and checked every example in " + millis + " ms");
            System.out.println("OK");
        } catch (RulesetException e) {
            System.err.println("FAILED: " + e.getMessage());
            System.exit(1);
        }
    }
}
