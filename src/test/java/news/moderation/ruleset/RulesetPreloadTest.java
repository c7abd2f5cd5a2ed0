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
        // Resolved as start() resolves them: a system property left by a service started earlier in this JVM
        // outranks the .env file, as it would for the real service.
        RulesetPreload.Target target = RulesetPreload.Target.of(settings, CLASS_PATH).orElseThrow();

        RulesetPreload.start(settings, CLASS_PATH);
        // Another text limit than the settings': the service compiles its own.
        assertEquals(Optional.empty(), RulesetPreload.take(target.directory(), target.maxTextLength() - 1));

        RulesetPreload.start(settings, CLASS_PATH);
        RulesetReloader preloaded = RulesetPreload.take(target.directory(), target.maxTextLength()).orElseThrow();
        assertEquals(Ruleset.load(target.directory()).version(), preloaded.current().version());
        assertEquals(target.maxTextLength(), preloaded.current().maxTextLength());
        assertEquals(Optional.empty(), RulesetPreload.take(target.directory(), target.maxTextLength()), "taken once");
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
