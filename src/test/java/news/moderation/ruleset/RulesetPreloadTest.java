package news.moderation.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import news.moderation.engine.Ruleset;
import news.moderation.engine.RulesetException;
import news.moderation.engine.RulesetReloader;
import news.moderation.platform.config.EarlySettings;

/** The ruleset main compiles while the database starts serves only the settings it was compiled for, once. */
class RulesetPreloadTest {

    private static final ClassLoader CLASS_PATH = RulesetPreloadTest.class.getClassLoader();

    @TempDir
    Path workingDir;

    @Test
    void theServiceGetsTheRulesetCompiledForItsOwnSettingsOnlyAndOnlyOnce() throws IOException, RulesetException {
        Path rules = Path.of("rules").toAbsolutePath();
        Files.writeString(workingDir.resolve(".env"),
                "MODERATION_RULES_DIR=" + rules + "\nMODERATION_RULES_MAX_TEXT_LENGTH=5000\n");
        EarlySettings settings = EarlySettings.resolve(workingDir);

        RulesetPreload.start(settings, CLASS_PATH);
        // Another text limit than the settings': the service compiles its own.
        assertEquals(Optional.empty(), RulesetPreload.take(rules, 4999));

        RulesetPreload.start(settings, CLASS_PATH);
        RulesetReloader preloaded = RulesetPreload.take(rules, 5000).orElseThrow();
        assertEquals(Ruleset.load(rules).version(), preloaded.current().version());
        assertEquals(5000, preloaded.current().maxTextLength());
        assertEquals(Optional.empty(), RulesetPreload.take(rules, 5000), "taken once");
    }

    @Test
    void rulesThatDoNotLoadAreLeftToTheServiceToReport() throws IOException {
        Path broken = Files.createDirectory(workingDir.resolve("broken-rules"));
        Files.writeString(broken.resolve("en.yaml"), "rules: [ this is not a rule file\n");
        Files.writeString(workingDir.resolve(".env"), "MODERATION_RULES_DIR=" + broken + "\n");

        RulesetPreload.start(EarlySettings.resolve(workingDir), CLASS_PATH);

        assertEquals(Optional.empty(), RulesetPreload.take(broken, Ruleset.DEFAULT_MAX_TEXT_LENGTH));
    }
}
