package news.moderation.engine.rules;

import java.util.List;
import java.util.Map;

/**
 * The shape of a rule file as written (see docs/rules.md). One shape for every kind of file; which keys may be
 * combined is checked by {@link RulesetCompiler}. Unknown keys are refused by the YAML reader.
 */
record RuleFileYaml(
        String language,
        String category,
        List<RuleYaml> rules,
        Map<String, List<String>> lists,
        List<String> allow,
        List<String> unless,
        Map<String, String> decisions,
        Map<String, Map<String, String>> categories,
        MaskingYaml masking) {

    record RuleYaml(String id, String severity, String description, List<String> terms, List<String> respelled,
                    String phrase, String pattern,
                    String on,
                    String scope,
                    List<String> unless,
                    ExamplesYaml examples) {
    }

    record ExamplesYaml(List<String> match, List<String> noMatch) {
    }

    record MaskingYaml(String character) {
    }
}
