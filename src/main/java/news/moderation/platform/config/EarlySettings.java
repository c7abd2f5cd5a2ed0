package news.moderation.platform.config;

import java.util.Optional;

/**
 * Settings read in {@code main}, before Quarkus and its configuration exist: a system property, else an environment
 * variable. Blank counts as unset.
 */
public final class EarlySettings {

    private EarlySettings() {
    }

    public static Optional<String> get(String property, String env) {
        return Optional.ofNullable(System.getProperty(property)).or(() -> Optional.ofNullable(System.getenv(env)))
                .filter(v -> !v.isBlank());
    }
}
