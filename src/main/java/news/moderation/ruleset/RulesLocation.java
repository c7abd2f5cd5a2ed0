package news.moderation.ruleset;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkus.runtime.configuration.ConfigurationException;
import news.moderation.engine.RulesetException;

/**
 * Which rules the service uses. {@code moderation.rules.dir} when it is set (it must be a directory); otherwise the
 * {@code rules} folder of the working directory when there is one (the project's own, hot-reloaded while developing);
 * otherwise the copy of {@code rules/} built into the application, so the packaged jar runs from any directory.
 *
 * @param directory   where the rule files are (a folder inside the application's jar for the built-in rules)
 * @param description for the log: which rules these are and why
 */
record RulesLocation(Path directory, String description) {
    static final String SETTING = "moderation.rules.dir";
    /** The folder of the built-in rules on the class path (pom.xml copies rules/ there), marked by its README. */
    private static final String BUILT_IN_MARKER = "default-rules/README.md";

    /**
     * @param workingDirectory what a relative path is relative to
     * @throws ConfigurationException (one line, naming the setting) when the configured directory does not exist
     */
    static RulesLocation resolve(Optional<Path> configured, Path workingDirectory, ClassLoader classLoader) {
        if (configured.isPresent()) {
            Path directory = workingDirectory.resolve(configured.get());
            if (!Files.isDirectory(directory)) {
                throw new ConfigurationException(SETTING + " is " + configured.get() + ", but "
                        + directory.toAbsolutePath().normalize() + " is not a directory: set " + SETTING
                        + " (MODERATION_RULES_DIR) to a folder of rule files, or unset it to use the built-in rules",
                        Set.of(SETTING));
            }
            return new RulesLocation(directory, directory.toAbsolutePath().normalize() + " (" + SETTING + ")");
        }
        Path local = workingDirectory.resolve("rules");
        if (Files.isDirectory(local)) {
            return new RulesLocation(local, local.toAbsolutePath().normalize() + " (" + SETTING
                    + " is not set; the working directory has a rules folder)");
        }
        return new RulesLocation(builtIn(classLoader), "the rules built into the application (" + SETTING
                + " is not set and the working directory has no rules folder)");
    }

    /** Why the service does not start when these rules do not load: one line, naming the setting to change. */
    ConfigurationException notLoadable(RulesetException problem) {
        return new ConfigurationException("The service cannot start, its rules do not load: " + problem.getMessage()
                + " (rules: " + description + "; fix the file or set " + SETTING + " to other rules)", Set.of(SETTING));
    }

    private static Path builtIn(ClassLoader classLoader) {
        URL marker = classLoader.getResource(BUILT_IN_MARKER);
        if (marker == null) {
            throw new ConfigurationException("this build has no built-in rules (" + BUILT_IN_MARKER
                    + " is missing): set " + SETTING + " (MODERATION_RULES_DIR) to a folder of rule files",
                    Set.of(SETTING));
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of()); // stays open: the reloader reads it on every check
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // opened before (tests start the application more than once in one JVM)
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException | RuntimeException e) {
            throw new ConfigurationException("the built-in rules at " + marker + " cannot be read (" + e
                    + "): set " + SETTING + " (MODERATION_RULES_DIR) to a folder of rule files", Set.of(SETTING));
        }
    }
}
