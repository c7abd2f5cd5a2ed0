package news.moderation.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.runtime.configuration.ConfigurationException;
import news.moderation.engine.Ruleset;
import news.moderation.engine.RulesetException;
import news.moderation.engine.RulesetReloader;

/** Which rules the service starts with, and the one line it prints when it cannot. */
class RulesLocationTest {
    private static final ClassLoader CLASS_PATH = RulesLocationTest.class.getClassLoader();

    @TempDir
    Path elsewhere;

    /** java -jar from any directory: the copy of rules/ built into the application serves, the same ruleset. */
    @Test
    void withoutTheSettingAndWithoutARulesFolderTheBuiltInRulesServe() throws RulesetException {
        RulesLocation location = RulesLocation.resolve(Optional.empty(), elsewhere, CLASS_PATH);
        assertTrue(location.description().startsWith("the rules built into the application"), location.description());
        assertEquals(Ruleset.load(Path.of("rules")).version(), Ruleset.load(location.directory()).version());
    }

    @Test
    void withoutTheSettingTheWorkingDirectorysRulesFolderServes() throws IOException {
        Files.createDirectory(elsewhere.resolve("rules"));
        RulesLocation location = RulesLocation.resolve(Optional.empty(), elsewhere, CLASS_PATH);
        assertEquals(elsewhere.resolve("rules"), location.directory());
        assertTrue(location.description().contains("the working directory has a rules folder"));
    }

    @Test
    void aConfiguredDirectoryServesAndAMissingOneStopsTheStartWithOneLineNamingTheSetting() {
        RulesLocation configured = RulesLocation.resolve(Optional.of(Path.of("rules")), Path.of(""), CLASS_PATH);
        assertEquals(Path.of("rules"), configured.directory());

        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> RulesLocation.resolve(Optional.of(Path.of("no-such-rules")), elsewhere, CLASS_PATH));
        assertOneLine(missing.getMessage());
        assertTrue(missing.getMessage().startsWith("moderation.rules.dir is no-such-rules, but "), missing.getMessage());
        assertTrue(missing.getConfigKeys().contains("moderation.rules.dir"));
    }

    /** The rule of the report: every replica crash-looped on it with a stack trace; now the start ends in one line. */
    @Test
    void rulesThatDoNotLoadStopTheStartWithOneLineNamingFileRuleLimitAndSetting() throws IOException {
        Path rules = Files.createDirectories(elsewhere.resolve("rules/en"));
        Files.writeString(rules.resolve("bomb.yaml"), RuleBomb.FILE);
        RulesLocation location = RulesLocation.resolve(Optional.of(elsewhere.resolve("rules")), elsewhere, CLASS_PATH);
        RulesetException refused = assertThrows(RulesetException.class,
                () -> new RulesetReloader(location.directory()));
        String line = location.notLoadable(refused).getMessage();
        assertOneLine(line);
        assertTrue(line.contains("en/bomb.yaml, rule en.obscene.bomb: pattern over the compile budget: nested "
                + "repeat counts multiply to 1000000, more than 1000"), line);
        assertTrue(line.contains("set moderation.rules.dir"), line);
    }

    private static void assertOneLine(String message) {
        assertFalse(message.contains("\n"), message);
    }
}
