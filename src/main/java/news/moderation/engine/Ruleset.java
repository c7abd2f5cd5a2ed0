package news.moderation.engine;

import news.moderation.engine.normalize.NfkcText;
import news.moderation.engine.normalize.NormalizedText;
import news.moderation.engine.normalize.Normalizer;
import news.moderation.engine.phrase.PhraseAutomaton;
import news.moderation.engine.rules.CompiledRules;
import news.moderation.engine.rules.PatternGate;
import news.moderation.engine.rules.PatternRule;
import news.moderation.engine.rules.Rule;
import news.moderation.engine.rules.RuleFiles;
import news.moderation.engine.rules.RulesetCompiler;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A loaded, checked set of rules: immutable and safe to share between threads.
 *
 * <p>Judging a comment: normalise it ({@link Normalizer}), run every term and allow entry through one automaton and
 * every phrase and {@code unless} phrase through one token automaton, run the patterns (original text) whose
 * required strings were seen, drop hits inside allowed words and hits of a rule inside one of its {@code unless}
 * phrases, merge, report a span matched by rules of several languages once, and let the policy decide. See
 * docs/rules.md for the rule format.
 */
public final class Ruleset {
    private static final long ALL_LANGUAGES = -1L;
    /**
     * The longest text judged unless the caller sets another limit: ten times the longest comment, and judging is
     * linear in the length, so the worst text costs a bounded time.
     */
    public static final int DEFAULT_MAX_TEXT_LENGTH = 100_000;

    private final CompiledRules compiled;
    private final String version;
    private final long anyLanguage;
    private final int maxTextLength;
    private final PatternGate patternGate;

    private Ruleset(CompiledRules compiled, String version, int maxTextLength) {
        this.compiled = compiled;
        this.patternGate = new PatternGate(compiled.patterns());
        this.version = version;
        this.anyLanguage = compiled.languageBits().getOrDefault("any", 0L);
        this.maxTextLength = maxTextLength;
    }

    /**
     * Parses and compiles every rule file below {@code rulesDir}, then checks every rule's examples; texts up to
     * {@link #DEFAULT_MAX_TEXT_LENGTH} are judged.
     */
    public static Ruleset load(Path rulesDir) throws RulesetException {
        return load(RuleFiles.read(rulesDir), DEFAULT_MAX_TEXT_LENGTH);
    }

    /** @param maxTextLength the longest text {@link #judge} accepts, in UTF-16 chars */
    public static Ruleset load(RuleFiles files, int maxTextLength) throws RulesetException {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("the longest text judged must be at least 1, not " + maxTextLength);
        }
        Ruleset ruleset = new Ruleset(RulesetCompiler.compile(files), files.version(), maxTextLength);
        ruleset.checkExamples();
        return ruleset;
    }

    /** The longest text {@link #judge} accepts, in UTF-16 chars. */
    public int maxTextLength() {
        return maxTextLength;
    }

    /** "sha256:" and 16 hex digits of a hash of the rule files' content (see {@link RuleFiles#version()}). */
    public String version() {
        return version;
    }

    public RulesetStats stats() {
        return compiled.stats();
    }

    /**
     * Judges a top-level comment ({@link JudgingContext#TOP_LEVEL}): rules limited to replies do not apply.
     *
     * @see #judge(String, String, JudgingContext)
     */
    public Verdict judge(String text, String lang) {
        return judge(text, lang, JudgingContext.TOP_LEVEL);
    }

    /**
     * @param lang    the comment's language; when the ruleset has rules for it, that language and "any" apply,
     *                otherwise (unknown such as "it" or "xx", null or blank) every language applies, and a span that
     *                rules of several languages match is reported once, by the best-fitting language
     * @param context whether the comment answers another one: rules with {@code scope: reply} apply only to replies
     * @throws TextTooLongException when the text is longer than {@link #maxTextLength()}
     */
    public Verdict judge(String text, String lang, JudgingContext context) {
        if (text.length() > maxTextLength) {
            throw new TextTooLongException(text.length(), maxTextLength);
        }
        return judgeAnyLength(text, lang, context);
    }

    private Verdict judgeAnyLength(String text, String lang, JudgingContext context) {
        String language = lang == null || lang.isBlank() ? null : lang.strip().toLowerCase(Locale.ROOT);
        Long languageBit = language == null ? null : compiled.languageBits().get(language);
        long languages = languageBit == null ? ALL_LANGUAGES : languageBit | anyLanguage;
        NormalizedText normalized = Normalizer.normalize(text);
        Judgement judgement = new Judgement(text, normalized, compiled.rules(), compiled.policy(), context);
        int[][] guardedRules = compiled.guardedRules();
        PhraseAutomaton.Walk phrases = compiled.phrases().walk(normalized, text, languages, (phrase, start, end) -> {
            if (CompiledRules.isGuard(phrase)) {
                judgement.guarded(guardedRules[CompiledRules.guardIndex(phrase)], start, end);
            } else {
                judgement.ruleHit(phrase, start, end);
            }
        });
        // the term automaton's char loop finds the words for the phrase pass: the text is read once for both
        compiled.terms().scan(normalized, languages, judgement, phrases);
        phrases.end();
        judgePatterns(text, normalized, languages, judgement);
        return judgement.verdict(version, languageBit == null ? null : language);
    }

    /**
     * The patterns on the original text, each only where its footprint's chars ({@link PatternGate}: one pass over
     * the text for all patterns) and then its strings (one marker pass, made only for a pattern that got that far,
     * in lower case; then as written, for a pattern that keeps case) can match.
     */
    private void judgePatterns(String text, NormalizedText normalized, long languages, Judgement judgement) {
        List<PatternRule> patterns = compiled.patterns();
        if (patterns.isEmpty() || !patternGate.mayMatchAny(normalized)) {
            return;
        }
        NfkcText nfkc = NfkcText.of(text, normalized.originalIsAscii());
        boolean[] mayMatch = patternGate.mayMatch(nfkc.text(), languages);
        boolean markersScanned = false;
        for (int k = 0; k < patterns.size(); k++) {
            if (!mayMatch[k]) {
                continue;
            }
            PatternRule pattern = patterns.get(k);
            if (pattern.needsMarkers() && !markersScanned) {
                compiled.originalMarkers().scanMarkers(nfkc.text(), judgement);
                markersScanned = true;
            }
            if (pattern.markersSeen(judgement.markersSeen())
                    && pattern.footprint().requiredStringsAsWrittenIn(nfkc.text())) {
                pattern.findAll(nfkc.text(), (start, end) -> judgement.originalHit(pattern.rule(),
                        nfkc.originalStart(start), nfkc.originalEnd(end - 1)));
            }
        }
    }

    /** What the policy does with one match of this category and severity; the verdict takes the strictest. */
    public Decision decide(Category category, Severity severity) {
        return compiled.policy().decide(category, severity);
    }

    /** The comment with every matched span replaced by the policy's mask character (whitespace kept, same length). */
    public String mask(String text, Verdict verdict) {
        char[] masked = text.toCharArray();
        char maskCharacter = compiled.policy().maskCharacter();
        for (Match match : verdict.matches()) {
            for (int i = match.start(); i < match.end() && i < masked.length; i++) {
                if (!Character.isWhitespace(masked[i])) {
                    masked[i] = maskCharacter;
                }
            }
        }
        return new String(masked);
    }

    private void checkExamples() throws RulesetException {
        for (Rule rule : compiled.rules()) {
            String lang = "any".equals(rule.language()) ? null : rule.language();
            for (String example : rule.mustMatch()) {
                if (!hits(rule, example, lang)) {
                    throw new RulesetException(rule.file(), rule.id(), example,
                            "example should match this rule but does not (normalised text: \""
                                    + Normalizer.normalize(example).text() + "\")");
                }
            }
            for (String example : rule.mustNotMatch()) {
                if (hits(rule, example, lang)) {
                    throw new RulesetException(rule.file(), rule.id(), example,
                            "example should not match this rule but does (normalised text: \""
                                    + Normalizer.normalize(example).text() + "\")");
                }
            }
        }
    }

    private boolean hits(Rule rule, String example, String lang) {
        return judgeAnyLength(example, lang, rule.examplesContext()).matches().stream()
                .anyMatch(match -> match.ruleId().equals(rule.id()));
    }
}
