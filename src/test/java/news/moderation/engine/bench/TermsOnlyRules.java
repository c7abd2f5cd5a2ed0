package news.moderation.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of a rules directory without its pattern and phrase rules: terms, allow-lists, lists and policy stay. It
 * measures the normaliser and the term pass alone; the difference to the whole ruleset is what the patterns (re2j)
 * and phrases (the phrase automaton) cost.
 */
final class TermsOnlyRules {
    private TermsOnlyRules() {
    }

    static Path write(Path rulesDir, Path target) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(rulesDir)) {
            files = walk.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            Path copy = target.resolve(rulesDir.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            JsonNode root = yaml.readTree(file.toFile());
            if (root instanceof ObjectNode object && root.get("rules") instanceof ArrayNode rules) {
                ArrayNode kept = object.putArray("rules");
                rules.forEach(rule -> {
                    if (!rule.has("pattern") && !rule.has("phrase")) {
                        kept.add(rule);
                    }
                });
                yaml.writeValue(copy.toFile(), object);
            } else {
                Files.copy(file, copy);
            }
        }
        return target;
    }
}
