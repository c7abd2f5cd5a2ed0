package news.moderation.platform.config;

import java.nio.file.Path;
import java.util.Optional;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfig;

/**
 * Settings read in {@code main}, before Quarkus and its configuration exist, resolved as Quarkus will resolve them a
 * moment later: system properties, environment variables, {@code .env} and {@code config/application.properties} in
 * the working directory, the {@code application.properties} inside the application, with the active profile
 * ({@code %dev.}, {@code %prod.}, {@code quarkus.profile}) and {@code ${...}} expressions. So a setting that Quarkus
 * will see, {@code main} sees too. Blank counts as unset.
 */
public final class EarlySettings {

    // Quarkus's own ordinals for these sources (.env's is SmallRye's default), so the same source wins here as there.
    private static final int APPLICATION_PROPERTIES_ORDINAL = 250;
    private static final int WORKING_DIR_APPLICATION_PROPERTIES_ORDINAL = 260;

    private final SmallRyeConfig config;

    private EarlySettings(SmallRyeConfig config) {
        this.config = config;
    }

    /** The settings as Quarkus will see them when started from the current working directory. */
    public static EarlySettings resolve() {
        return resolve(Path.of("").toAbsolutePath());
    }

    /** The settings as Quarkus would see them when started from {@code workingDir}. */
    public static EarlySettings resolve(Path workingDir) {
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        SmallRyeConfig config = ConfigUtils.emptyConfigBuilder() // system properties, environment, profiles
                .withSources(PropertiesConfigSourceLoader.inClassPath("application.properties",
                        APPLICATION_PROPERTIES_ORDINAL, classLoader))
                .withSources(PropertiesConfigSourceLoader.inFileSystem(
                        workingDir.resolve("config/application.properties").toUri().toString(),
                        WORKING_DIR_APPLICATION_PROPERTIES_ORDINAL, classLoader))
                .withSources(DotEnvConfigSourceProvider.dotEnvSources(
                        workingDir.resolve(".env").toUri().toString(), classLoader))
                .build();
        return new EarlySettings(config);
    }

    public Optional<String> get(String property) {
        return config.getOptionalValue(property, String.class).filter(v -> !v.isBlank());
    }
}
