package news.moderation.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesetReloaderTest {
    private static final String FUCK = RuleDirs.termRule("en.obscene.fuck", "fuck", "fuck");
    private static final String SHIT = RuleDirs.termRule("en.obscene.shit", "shit", "shit");
    private static final String BROKEN = RuleDirs.termRule("en.obscene.shit", "shit", "a clean example");

    @TempDir
    Path dir;

    private static boolean flags(RulesetReloader reloader, String text) {
        return !reloader.current().judge(text, "en").matches().isEmpty();
    }

    @Test
    void swapsInAChangedDirectoryAndIgnoresAnUnchangedOne() throws RulesetException {
        RuleDirs.write(dir, "en/obscene.yaml", FUCK);
        RulesetReloader reloader = new RulesetReloader(dir);
        Ruleset first = reloader.current();
        assertEquals(ReloadOutcome.UNCHANGED, reloader.reloadIfChanged());
        assertSame(first, reloader.current());

        RuleDirs.write(dir, "en/more.yaml", SHIT);
        assertEquals(ReloadOutcome.RELOADED, reloader.reloadIfChanged());
        assertNotEquals(first.version(), reloader.current().version());
        assertTrue(flags(reloader, "shit"));
        assertEquals(reloader.current().version(), reloader.status().version());
        assertEquals(2, reloader.status().stats().rules());
        assertNull(reloader.status().lastError());
    }

    @Test
    void keepsTheOldRulesetServingWhenTheNewOneIsBroken() throws RulesetException {
        RuleDirs.write(dir, "en/obscene.yaml", FUCK);
        RulesetReloader reloader = new RulesetReloader(dir);
        Ruleset serving = reloader.current();

        RuleDirs.write(dir, "en/more.yaml", BROKEN);
        assertEquals(ReloadOutcome.FAILED, reloader.reloadIfChanged());
        assertSame(serving, reloader.current());
        assertTrue(flags(reloader, "fuck"));
        RulesetReloader.Status status = reloader.status();
        assertEquals(serving.version(), status.version());
        assertTrue(status.lastError().contains("en/more.yaml") && status.lastError().contains("a clean example"),
                status.lastError());
        assertNotNull(status.lastErrorAt());
        assertEquals(ReloadOutcome.UNCHANGED, reloader.reloadIfChanged()); // the same broken content: not retried
        assertEquals(ReloadOutcome.FAILED, reloader.reload()); // unless forced

        RuleDirs.write(dir, "en/more.yaml", SHIT);
        assertEquals(ReloadOutcome.RELOADED, reloader.reloadIfChanged());
        assertTrue(flags(reloader, "shit"));
        assertNotNull(reloader.status().lastError()); // the last error stays visible with its time
    }

    /**
     * An error while loading (here a heap exhausted, as re2j did on a pattern that got past no budget) is a refused
     * change like any other: it reaches no caller, so the scheduler thread that polls survives it.
     */
    @Test
    void anErrorWhileLoadingKeepsTheOldRulesetServingAndReachesNoCaller() throws RulesetException {
        RuleDirs.write(dir, "en/obscene.yaml", FUCK);
        Error[] nextLoad = {null};
        RulesetReloader reloader = new RulesetReloader(dir, 1000, Clock.systemUTC(), (files, maxTextLength) -> {
            if (nextLoad[0] != null) {
                throw nextLoad[0];
            }
            return Ruleset.load(files, maxTextLength);
        });
        Ruleset serving = reloader.current();

        nextLoad[0] = new OutOfMemoryError("Java heap space");
        RuleDirs.write(dir, "en/more.yaml", SHIT);
        assertEquals(ReloadOutcome.FAILED, reloader.reloadIfChanged());
        assertSame(serving, reloader.current());
        assertTrue(reloader.status().lastError().contains("OutOfMemoryError: Java heap space"),
                reloader.status().lastError());
        assertEquals(ReloadOutcome.UNCHANGED, reloader.reloadIfChanged()); // not retried on every poll

        nextLoad[0] = new StackOverflowError();
        assertEquals(ReloadOutcome.FAILED, reloader.reload());
        assertTrue(reloader.status().lastError().contains("StackOverflowError"), reloader.status().lastError());

        nextLoad[0] = null;
        assertEquals(ReloadOutcome.RELOADED, reloader.reload());
        assertTrue(flags(reloader, "shit"));
    }

    @Test
    void everyRulesetRefusesTextsOverTheLengthItWasGiven() throws RulesetException {
        RuleDirs.write(dir, "en/obscene.yaml", FUCK);
        RulesetReloader reloader = new RulesetReloader(dir, 20);
        assertTrue(flags(reloader, "fuck" + " ".repeat(16)));
        TextTooLongException refused = assertThrows(TextTooLongException.class,
                () -> reloader.current().judge("fuck" + " ".repeat(17), "en"));
        assertEquals(21, refused.length());
        assertEquals(20, refused.maxLength());

        RuleDirs.write(dir, "en/more.yaml", SHIT);
        assertEquals(ReloadOutcome.RELOADED, reloader.reloadIfChanged());
        assertEquals(20, reloader.current().maxTextLength());
    }

    /** The version is the content's: the same files flattened as a ConfigMap does, or renamed, give the same one. */
    @Test
    void theVersionDependsOnTheContentNotOnFileNamesOrLayout() throws RulesetException {
        String policy = "decisions: {low: ALLOW, medium: REVIEW, high: REJECT}\n";
        Path tree = RuleDirs.write(dir.resolve("tree"), "policy.yaml", policy, "en/obscene.yaml", FUCK,
                "de/obscene.yaml", SHIT);
        Path flat = RuleDirs.write(dir.resolve("configmap"), "policy.yaml", policy, "en-obscene.yaml", FUCK,
                "de-obscene.yaml", SHIT);
        Path renamed = RuleDirs.write(dir.resolve("renamed"), "a.yaml", SHIT, "b/c/d.yml", FUCK, "z.yaml", policy);
        String version = Ruleset.load(tree).version();
        assertEquals(version, Ruleset.load(flat).version());
        assertEquals(version, Ruleset.load(renamed).version());

        Path oneByteMore = RuleDirs.write(dir.resolve("changed"), "policy.yaml", policy + " ", "en/obscene.yaml",
                FUCK, "de/obscene.yaml", SHIT);
        assertNotEquals(version, Ruleset.load(oneByteMore).version());
    }

    @Test
    void refusesToStartWithABrokenDirectory() {
        RuleDirs.write(dir, "en/obscene.yaml", BROKEN);
        assertThrows(RulesetException.class, () -> new RulesetReloader(dir));
    }

    /** A Kubernetes ConfigMap volume: files are symlinks through "..data", which is swapped atomically. */
    @Test
    void followsAConfigMapSymlinkSwap() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("mount"));
        RuleDirs.write(mount.resolve("..2026_01_01_00_00_00.1"), "obscene.yaml", FUCK);
        Files.createSymbolicLink(mount.resolve("..data"), Path.of("..2026_01_01_00_00_00.1"));
        Files.createSymbolicLink(mount.resolve("obscene.yaml"), Path.of("..data/obscene.yaml"));
        RulesetReloader reloader = new RulesetReloader(mount);
        assertEquals(1, reloader.status().stats().files()); // the dot-directories are not read twice
        assertTrue(flags(reloader, "fuck"));

        RuleDirs.write(mount.resolve("..2026_02_02_00_00_00.2"), "obscene.yaml", SHIT);
        swapDataLink(mount, "..2026_02_02_00_00_00.2");
        assertEquals(ReloadOutcome.RELOADED, reloader.reloadIfChanged());
        assertTrue(flags(reloader, "shit"));
        assertFalse(flags(reloader, "fuck"));
    }

    private static void swapDataLink(Path mount, String target) throws IOException {
        Path fresh = Files.createSymbolicLink(mount.resolve("..data_tmp"), Path.of(target));
        Files.move(fresh, mount.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
