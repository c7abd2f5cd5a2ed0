package news.moderation.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Rule data reads well in a diff: every list of words or examples in the shipped rule files is in block style, one
 * entry per line, sorted by code point and without duplicates, so a change shows as the one entry that changed. A
 * comment line inside a list starts a group of its own (a topic, or the term an allow entry answers), sorted apart.
 */
class RuleDataStyleTest {

    @Test
    void everyListOfTheShippedRuleFilesIsBlockStyleSortedAndWithoutDuplicates() throws IOException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(Path.of("rules"))) {
            files = paths.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no rule files found under rules/");
        List<String> offences = new ArrayList<>();
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file)) {
                collectOffences(file + ":", commentedYaml().compose(reader), offences);
            }
        }
        assertEquals(List.of(), offences);
    }

    @Test
    void aFlowListAnUnsortedListAndADuplicateAreEachReported() {
        List<String> offences = new ArrayList<>();
        collectOffences("", commentedYaml().compose(new StringReader("""
                terms: [b, a]
                examples:
                  match:
                    - "z"
                    - y
                    # a group of its own
                    - b
                  noMatch:
                    - a
                    - a
                allow: []
                """)), offences);
        assertEquals(List.of(
                "/terms is in flow style", "/terms is not sorted: a after b",
                "/examples/match is not sorted: y after z",
                "/examples/noMatch has a duplicate: a"), offences);
    }

    private static Yaml commentedYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(true);
        return new Yaml(options);
    }

    private static void collectOffences(String where, Node node, List<String> offences) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = ((ScalarNode) tuple.getKeyNode()).getValue();
                collectOffences(where + "/" + key, tuple.getValueNode(), offences);
            }
        } else if (node instanceof SequenceNode sequence) {
            if (sequence.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
                checkScalarList(where, sequence, offences);
            } else {
                for (int i = 0; i < sequence.getValue().size(); i++) {
                    collectOffences(where + "[" + i + "]", sequence.getValue().get(i), offences);
                }
            }
        }
    }

    private static void checkScalarList(String where, SequenceNode list, List<String> offences) {
        if (list.getValue().isEmpty()) {
            return;
        }
        if (list.getFlowStyle() == FlowStyle.FLOW) {
            offences.add(where + " is in flow style");
        }
        String previous = null;
        for (Node entry : list.getValue()) {
            String value = ((ScalarNode) entry).getValue();
            if (!entry.getBlockComments().isEmpty()) {
                previous = null;
            }
            if (previous != null) {
                int order = compareByCodePoint(previous, value);
                if (order == 0) {
                    offences.add(where + " has a duplicate: " + value);
                } else if (order > 0) {
                    offences.add(where + " is not sorted: " + value + " after " + previous);
                }
            }
            previous = value;
        }
    }

    /** Code point order, the order `sorted()` gives in the rule tools (UTF-16 order differs past U+FFFF). */
    private static int compareByCodePoint(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
