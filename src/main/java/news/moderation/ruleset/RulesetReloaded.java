package news.moderation.ruleset;

import news.moderation.engine.Ruleset;

/**
 * A CDI event: a new ruleset now serves, in place of the one of {@code previousVersion}. Fired by
 * {@link RulesetService} after the swap, on the thread that reloaded, so that features reacting to rule changes need
 * not be known to the ruleset package.
 */
public record RulesetReloaded(Ruleset ruleset, String previousVersion) {
}
