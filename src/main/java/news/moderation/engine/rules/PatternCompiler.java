package news.moderation.engine.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Reads a rule's pattern once into its syntax tree ({@link RegexTree}: refuses what re2j cannot run in linear time
 * and {@code {list}} references), from which come the compile budget ({@link CompileBudget}: refused before re2j
 * sees a pattern whose program would be too big, since re2j expands counted repetitions and
 * {@code (?:(?:a{1000}){1000}){1000}} would take gigabytes) and the footprint that gates it ({@link RegexFootprint});
 * re2j then compiles the same text, for matching only.
 */
final class PatternCompiler {
    /** A pattern ready to run: re2j's program and what every match contains. */
    record CompiledPattern(Pattern pattern, RegexFootprint footprint) {
    }

    private PatternCompiler() {
    }

    /** @throws IllegalArgumentException naming what is wrong with the pattern */
    static CompiledPattern compile(String source) {
        RegexTree tree = RegexTree.parse(source);
        CompileBudget.check(tree);
        RegexFootprint footprint = RegexFootprint.of(tree);
        try {
            return new CompiledPattern(Pattern.compile(source), footprint);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid re2j pattern: " + e.getMessage());
        }
    }
}
