package news.moderation.platform.config;

import jakarta.enterprise.inject.Instance;

/**
 * The configuration for an object created before the runtime configuration exists (REST filters and providers are
 * created at static init): looked up on first use, then kept. Looking it up on every request would create the mapping
 * anew each time (it is a dependent bean), on the hot path of every call.
 */
public final class ConfigOnFirstUse {

    private final Instance<ModerationConfig> lookup;
    private volatile ModerationConfig config;

    public ConfigOnFirstUse(Instance<ModerationConfig> lookup) {
        this.lookup = lookup;
    }

    public ModerationConfig get() {
        ModerationConfig known = config;
        if (known == null) {
            known = lookup.get(); // two first uses at once look it up twice: the same values either way
            config = known;
        }
        return known;
    }
}
