package news.moderation.engine.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.re2j.Pattern;
import news.moderation.engine.Category;
import news.moderation.engine.Decision;
import news.moderation.engine.RulesetException;
import news.moderation.engine.RulesetStats;
import news.moderation.engine.Severity;
import news.moderation.engine.match.Term;
import news.moderation.engine.match.TermEntry;
import news.moderation.engine.match.TermEntry.Role;
import news.moderation.engine.match.TermIndex;
import news.moderation.engine.normalize.NfkcText;
import news.moderation.engine.phrase.PhraseCompiler;
import news.moderation.engine.phrase.PhraseNode;
import news.moderation.engine.phrase.PhraseParser;
import news.moderation.engine.phrase.PhraseSyntaxException;
import news.moderation.engine.rules.RuleFileYaml.RuleYaml;
import news.moderation.engine.rules.RuleFiles.RuleFile;
import org.yaml.snakeyaml.LoaderOptions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Reads and checks every rule file, then builds the term index, the phrase automaton and the patterns. Every problem becomes a
 * {@link RulesetException} naming the file and, where there is one, the rule. Examples are checked later, by
 * {@link news.moderation.engine.Ruleset#load}, because they need the complete ruleset.
 */
public final class RulesetCompiler {
    /** Rule files are a few levels deep (rules, examples, lists); anything deeper is an attack or a mistake. */
    static final int MAX_YAML_NESTING = 10;
    /** Aliases could multiply a small file into a huge document ("billion laughs"); rule files need few or none. */
    static final int MAX_YAML_ALIASES = 20;
    /** All patterns of a ruleset together, in re2j instructions (shipped: ~72,000; each is bounded by {@link CompileBudget}). */
    static final long MAX_TOTAL_PROGRAM_SIZE = 250_000;
    /** Every example is judged at every load (shipped: about 1,000); millions of tiny ones would take minutes. */
    static final int MAX_EXAMPLES = 20_000;

    private static final YAMLMapper YAML = YAMLMapper.builder(yamlFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final String ANY_LANGUAGE = "any";
    private static final String ORIGINAL = "original";
    /** The only value of a rule's {@code scope}; without one a rule applies to every comment. */
    private static final String REPLY_SCOPE = "reply";

    private final Map<String, RuleFileYaml> parsed = new LinkedHashMap<>();
    private final Map<String, Long> languageBits = new LinkedHashMap<>();
    private final Map<String, List<String>> lists = new HashMap<>();
    private final List<TermEntry> termEntries = new ArrayList<>();
    private final List<TermEntry> originalMarkerEntries = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<PatternRule> patterns = new ArrayList<>();
    /**
     * Every phrase rule, reporting its rule index, and every {@code unless} phrase, reporting
     * {@link CompiledRules#guardId} of its index in {@link #guardedRules}: one pass over the words finds both.
     */
    private final PhraseCompiler phrases = new PhraseCompiler();
    /** For each {@code unless} phrase, the rules it protects, or {@link CompiledRules#EVERY_RULE}. */
    private final List<int[]> guardedRules = new ArrayList<>();
    private int phraseCount;
    private final Map<String, String> fileOfRuleId = new HashMap<>();
    private Policy policy = Policy.defaults();
    private String policyFile;
    private int termCount;
    private int markerGroups;
    private int allowCount;
    private int exampleCount;
    private long totalProgramSize;

    private RulesetCompiler() {
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions limits = new LoaderOptions();
        limits.setNestingDepthLimit(MAX_YAML_NESTING);
        limits.setMaxAliasesForCollections(MAX_YAML_ALIASES);
        limits.setAllowRecursiveKeys(false);
        limits.setAllowDuplicateKeys(false);
        limits.setCodePointLimit(RuleFiles.MAX_FILE_BYTES);
        return YAMLFactory.builder()
                .loaderOptions(limits)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_YAML_NESTING).build())
                .build();
    }

    public static CompiledRules compile(RuleFiles files) throws RulesetException {
        RulesetCompiler compiler = new RulesetCompiler();
        for (RuleFile file : files.files()) {
            compiler.parsed.put(file.path(), parse(file));
        }
        compiler.readLanguagesPolicyAndLists();
        compiler.readAllowListsAndRules();
        RulesetStats stats = new RulesetStats(compiler.rules.size(), compiler.termCount, compiler.phraseCount,
                compiler.patterns.size(), compiler.allowCount, compiler.languageBits.keySet(), files.files().size());
        return new CompiledRules(List.copyOf(compiler.rules), termIndex(compiler.termEntries, false),
                compiler.phrases.build(),
                compiler.guardedRules.toArray(int[][]::new), List.copyOf(compiler.patterns),
                termIndex(compiler.originalMarkerEntries, true), compiler.policy,
                Map.copyOf(compiler.languageBits), stats);
    }

    private static TermIndex termIndex(List<TermEntry> entries, boolean anyCase) throws RulesetException {
        try {
            return new TermIndex(entries, anyCase);
        } catch (IllegalArgumentException tooBig) {
            throw new RulesetException(null, null, null, tooBig.getMessage());
        }
    }

    private static RuleFileYaml parse(RuleFile file) throws RulesetException {
        try {
            RuleFileYaml yaml = YAML.readValue(file.content(), RuleFileYaml.class);
            if (yaml == null) {
                throw new RulesetException(file.path(), null, null, "the file is empty");
            }
            return yaml;
        } catch (JsonProcessingException e) {
            throw new RulesetException(file.path(), ruleIdAt(file, e), null, describe(e), e);
        }
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ")";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown key '" + unknown.getPropertyName() + "'" + where + "; known keys: "
                    + unknown.getKnownPropertyIds();
        }
        return e.getOriginalMessage() + where;
    }

    /** The id of the rule a YAML error is in, found through the error's path ("rules" → index). */
    private static String ruleIdAt(RuleFile file, JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().size() < 2
                || !"rules".equals(mapping.getPath().get(0).getFieldName())) {
            return null;
        }
        try {
            JsonNode rule = YAML.readTree(file.content()).path("rules").path(mapping.getPath().get(1).getIndex());
            return rule.path("id").isTextual() ? rule.path("id").asText() : null;
        } catch (JsonProcessingException unreadable) {
            return null;
        }
    }

    private void readLanguagesPolicyAndLists() throws RulesetException {
        TreeSet<String> languages = new TreeSet<>();
        for (Map.Entry<String, RuleFileYaml> entry : parsed.entrySet()) {
            String file = entry.getKey();
            RuleFileYaml yaml = entry.getValue();
            if (isPolicy(yaml)) {
                readPolicy(file, yaml);
                continue;
            }
            if (yaml.language() == null) {
                throw new RulesetException(file, null, null, "missing 'language' (a two-letter code or \"any\")");
            }
            if (!isLanguageCode(yaml.language())) {
                throw new RulesetException(file, null, null, "invalid language \"" + yaml.language()
                        + "\": use a lower-case ISO 639-1 code or \"any\"");
            }
            languages.add(yaml.language());
        }
        if (languages.size() > Long.SIZE) {
            throw new RulesetException(null, null, null, "more than " + Long.SIZE + " languages");
        }
        for (String language : languages) {
            languageBits.put(language, 1L << languageBits.size());
        }
        for (Map.Entry<String, RuleFileYaml> entry : parsed.entrySet()) {
            if (entry.getValue().lists() != null) {
                readLists(entry.getKey(), entry.getValue());
            }
        }
    }

    private static boolean isPolicy(RuleFileYaml yaml) {
        return yaml.decisions() != null || yaml.categories() != null || yaml.masking() != null;
    }

    private static boolean isLanguageCode(String language) {
        return ANY_LANGUAGE.equals(language)
                || (language.length() >= 2 && language.length() <= 3
                && language.chars().allMatch(c -> c >= 'a' && c <= 'z'));
    }

    private void readPolicy(String file, RuleFileYaml yaml) throws RulesetException {
        if (policyFile != null) {
            throw new RulesetException(file, null, null, "a second policy file; the first is " + policyFile);
        }
        if (yaml.language() != null || yaml.rules() != null || yaml.lists() != null || yaml.allow() != null
                || yaml.unless() != null) {
            throw new RulesetException(file, null, null, "a policy file (decisions, categories, masking) cannot "
                    + "also hold language, rules, lists, allow or unless");
        }
        policyFile = file;
        Map<Severity, Decision> decisions = new EnumMap<>(Policy.defaults().decisions());
        if (yaml.decisions() != null) {
            decisions.putAll(decisionMap(file, "decisions", yaml.decisions()));
        }
        Map<Category, Map<Severity, Decision>> byCategory = new EnumMap<>(Category.class);
        if (yaml.categories() != null) {
            for (Map.Entry<String, Map<String, String>> entry : yaml.categories().entrySet()) {
                Category category = Category.byId(entry.getKey());
                if (category == null) {
                    throw new RulesetException(file, null, null, "unknown category \"" + entry.getKey() + "\"");
                }
                byCategory.put(category, decisionMap(file, "categories." + entry.getKey(), entry.getValue()));
            }
        }
        char mask = '*';
        if (yaml.masking() != null && yaml.masking().character() != null) {
            if (yaml.masking().character().length() != 1) {
                throw new RulesetException(file, null, null, "masking.character must be exactly one character");
            }
            mask = yaml.masking().character().charAt(0);
        }
        policy = new Policy(decisions, byCategory, mask);
    }

    private static Map<Severity, Decision> decisionMap(String file, String key, Map<String, String> written)
            throws RulesetException {
        Map<Severity, Decision> decisions = new EnumMap<>(Severity.class);
        for (Map.Entry<String, String> entry : written.entrySet()) {
            Severity severity = Severity.byId(entry.getKey());
            if (severity == null) {
                throw new RulesetException(file, null, null, key + ": unknown severity \"" + entry.getKey()
                        + "\" (low | medium | high)");
            }
            try {
                decisions.put(severity, Decision.valueOf(String.valueOf(entry.getValue()).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new RulesetException(file, null, null, key + "." + entry.getKey() + ": unknown decision \""
                        + entry.getValue() + "\" (ALLOW | REVIEW | REJECT)");
            }
        }
        return decisions;
    }

    private void readLists(String file, RuleFileYaml yaml) throws RulesetException {
        for (Map.Entry<String, List<String>> list : yaml.lists().entrySet()) {
            String key = yaml.language() + ":" + list.getKey();
            if (lists.containsKey(key)) {
                throw new RulesetException(file, null, null, "list \"" + list.getKey() + "\" is defined twice for "
                        + "language " + yaml.language());
            }
            if (list.getValue() == null || list.getValue().isEmpty()) {
                throw new RulesetException(file, null, null, "list \"" + list.getKey() + "\" is empty");
            }
            for (String entry : list.getValue()) {
                parseTerm(file, null, entry); // refused here, with the file, if it cannot be normalised
            }
            lists.put(key, List.copyOf(list.getValue()));
        }
    }

    private void readAllowListsAndRules() throws RulesetException {
        for (Map.Entry<String, RuleFileYaml> entry : parsed.entrySet()) {
            String file = entry.getKey();
            RuleFileYaml yaml = entry.getValue();
            if (isPolicy(yaml)) {
                continue;
            }
            long language = languageBits.get(yaml.language());
            if (yaml.allow() != null) {
                for (String allowed : yaml.allow()) {
                    termEntries.add(new TermEntry(parseTerm(file, null, allowed), Role.ALLOW, -1, language));
                    allowCount++;
                }
            }
            if (yaml.rules() != null) {
                Category category = Category.byId(yaml.category());
                if (category == null) {
                    throw new RulesetException(file, null, null, "missing or unknown category \"" + yaml.category()
                            + "\" (obscene | derogatory | personal_attack | threat | personal_data)");
                }
                int firstRule = rules.size();
                for (RuleYaml rule : yaml.rules()) {
                    readRule(file, yaml.language(), language, category, rule);
                }
                if (yaml.unless() != null) {
                    // once for the whole file, protecting each of its rules
                    int[] fileRules = IntStream.range(firstRule, rules.size()).toArray();
                    for (String guard : yaml.unless()) {
                        compileGuard(file, null, yaml.language(), language, guard, fileRules);
                    }
                }
            } else if (yaml.category() != null) {
                throw new RulesetException(file, null, null, "'category' given but no 'rules'");
            } else if (yaml.unless() != null) {
                // an allow entry written as a phrase: protects every rule, when its language is selected
                for (String guard : yaml.unless()) {
                    compileGuard(file, null, yaml.language(), language, guard, CompiledRules.EVERY_RULE);
                }
            }
        }
    }

    private void readRule(String file, String languageCode, long language, Category category, RuleYaml yaml)
            throws RulesetException {
        String id = yaml.id();
        if (id == null || id.isBlank()) {
            throw new RulesetException(file, null, null, "a rule without 'id'");
        }
        String firstFile = fileOfRuleId.putIfAbsent(id, file);
        if (firstFile != null) {
            throw new RulesetException(file, id, null, "duplicate rule id, first defined in " + firstFile);
        }
        Severity severity = Severity.byId(yaml.severity());
        if (severity == null) {
            throw new RulesetException(file, id, null, "missing or unknown severity \"" + yaml.severity()
                    + "\" (low | medium | high)");
        }
        boolean hasTerms = yaml.terms() != null && !yaml.terms().isEmpty()
                || yaml.respelled() != null && !yaml.respelled().isEmpty();
        if ((hasTerms ? 1 : 0) + (yaml.phrase() != null ? 1 : 0) + (yaml.pattern() != null ? 1 : 0) != 1) {
            throw new RulesetException(file, id, null, "a rule needs exactly one of 'terms' (with or without "
                    + "'respelled'), 'phrase' or 'pattern'");
        }
        if (yaml.on() != null && yaml.pattern() == null) {
            throw new RulesetException(file, id, null, "'on' only applies to a 'pattern'");
        }
        if (yaml.scope() != null && !yaml.scope().equals(REPLY_SCOPE)) {
            throw new RulesetException(file, id, null, "unknown scope \"" + yaml.scope() + "\" (reply, or no "
                    + "'scope' for a rule that applies to every comment)");
        }
        if (yaml.examples() == null || yaml.examples().match() == null || yaml.examples().match().isEmpty()) {
            throw new RulesetException(file, id, null, "a rule needs at least one 'examples: match:' text");
        }
        int index = rules.size();
        if (hasTerms) {
            compileTerms(file, id, index, language, yaml);
        } else if (yaml.phrase() != null) {
            compilePhrase(file, id, languageCode, language, index, yaml.phrase(), "phrase");
            phraseCount++;
        } else {
            patterns.add(compilePattern(file, id, language, index, yaml));
        }
        List<String> unless = yaml.unless() == null ? List.of() : yaml.unless();
        for (String guard : unless) {
            compileGuard(file, id, languageCode, language, guard, new int[] {index});
        }
        List<String> noMatch = yaml.examples().noMatch() == null ? List.of() : yaml.examples().noMatch();
        exampleCount += yaml.examples().match().size() + noMatch.size();
        if (exampleCount > MAX_EXAMPLES) {
            throw new RulesetException(file, id, null, "the rules up to this one have more than " + MAX_EXAMPLES
                    + " examples, the limit for a ruleset");
        }
        rules.add(new Rule(id, category, severity, languageCode, file, List.copyOf(yaml.examples().match()),
                List.copyOf(noMatch), yaml.scope() != null));
    }

    /** @param protectedRules the indexes of the rules a match protects, or {@link CompiledRules#EVERY_RULE} */
    private void compileGuard(String file, String id, String languageCode, long language, String phrase,
                              int[] protectedRules) throws RulesetException {
        int guardId = CompiledRules.guardId(guardedRules.size());
        compilePhrase(file, id, languageCode, language, guardId, phrase, "unless");
        guardedRules.add(protectedRules);
    }

    /**
     * @param index   what a match reports: the rule's index, or {@link CompiledRules#guardId} of an unless phrase's
     * @param yamlKey the key the phrase is written under ("phrase" or "unless"), for messages
     */
    private void compilePhrase(String file, String id, String languageCode, long language,
                               int index, String phrase, String yamlKey) throws RulesetException {
        if (phrase == null) {
            throw new RulesetException(file, id, null, "an empty " + yamlKey + " phrase");
        }
        try {
            PhraseNode tree = PhraseParser.parse(phrase);
            phrases.add(index, language, tree, name -> {
                String key = lists.containsKey(languageCode + ":" + name) ? languageCode + ":" + name
                        : ANY_LANGUAGE + ":" + name;
                List<String> entries = lists.get(key);
                return entries == null ? null : new PhraseCompiler.NamedList(key, entries);
            });
        } catch (PhraseSyntaxException e) {
            throw new RulesetException(file, id, null, yamlKey + " \"" + phrase + "\", " + e.getMessage(), e);
        }
    }

    /** A regex on the original text (after NFKC), for personal data; gated by the strings and chars it needs. */
    private PatternRule compilePattern(String file, String id, long language, int index, RuleYaml yaml)
            throws RulesetException {
        if (yaml.on() != null && !yaml.on().equals(ORIGINAL)) {
            throw new RulesetException(file, id, null, "'on: " + yaml.on() + "': a pattern always reads the "
                    + "original text (on: original); for words of the normalised text write a 'phrase:'");
        }
        PatternCompiler.CompiledPattern compiled;
        try {
            compiled = PatternCompiler.compile(yaml.pattern()); // one syntax tree: the compile budget, then re2j
        } catch (IllegalArgumentException e) {
            throw new RulesetException(file, id, null, e.getMessage(), e);
        }
        Pattern pattern = compiled.pattern();
        RegexFootprint footprint = compiled.footprint();
        totalProgramSize += pattern.programSize();
        if (totalProgramSize > MAX_TOTAL_PROGRAM_SIZE) {
            throw new RulesetException(file, id, null, "the patterns up to this one compile to "
                    + totalProgramSize + " re2j instructions, more than the limit of " + MAX_TOTAL_PROGRAM_SIZE
                    + " for a whole ruleset");
        }
        int[] groups = new int[footprint.requiredStrings().size()];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = markerGroups++;
            for (String string : footprint.requiredStrings().get(g)) {
                // only presence counts on the original text (scanMarkers), so no word boundaries are kept
                originalMarkerEntries.add(new TermEntry(Term.marker(NfkcText.lowerCase(string)), Role.MARKER,
                        groups[g], -1L));
            }
        }
        return new PatternRule(index, pattern, language, groups, footprint);
    }

    /**
     * A rule's terms, and its respelled terms as written and in every respelling not already among them (docs/rules.md,
     * "Respellings").
     */
    private void compileTerms(String file, String id, int index, long language, RuleYaml yaml)
            throws RulesetException {
        List<String> terms = yaml.terms() == null ? List.of() : yaml.terms();
        List<String> respelled = yaml.respelled() == null ? List.of() : yaml.respelled();
        Set<String> written = new HashSet<>();
        for (String term : terms) {
            addRuleTerm(parseTerm(file, id, term), index, language);
            written.add(term.strip());
        }
        for (String term : respelled) {
            if (term == null) {
                throw new RulesetException(file, id, null, "an empty term");
            }
            if (written.add(term.strip())) {
                addRuleTerm(parseTerm(file, id, term), index, language);
            }
            List<String> spellings;
            try {
                spellings = Respellings.of(term);
            } catch (IllegalArgumentException e) {
                throw new RulesetException(file, id, null, e.getMessage(), e);
            }
            for (String spelling : spellings) {
                if (written.add(spelling)) {
                    termEntries.add(new TermEntry(parseTerm(file, id, spelling), Role.RESPELLING, index, language));
                }
            }
        }
    }

    /** A rule's term as written, and as read when its l's were typed as 1 ("s1ut"). */
    private void addRuleTerm(Term term, int index, long language) {
        termEntries.add(new TermEntry(term, Role.RULE, index, language));
        termCount++;
        for (Term reading : term.withLsTypedAsOne()) {
            termEntries.add(new TermEntry(reading, Role.RESPELLING, index, language));
        }
    }

    private static Term parseTerm(String file, String ruleId, String written) throws RulesetException {
        if (written == null) {
            throw new RulesetException(file, ruleId, null, "an empty term");
        }
        try {
            return Term.parse(written);
        } catch (IllegalArgumentException e) {
            throw new RulesetException(file, ruleId, null, e.getMessage(), e);
        }
    }
}
