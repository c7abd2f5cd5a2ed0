package news.moderation.engine;

/** What a reload attempt did. */
public enum ReloadOutcome {
    /** the rules directory has the content of the serving ruleset (or of the last refused one): nothing loaded */
    UNCHANGED,
    /** a new ruleset compiled, passed its examples and now serves */
    RELOADED,
    /** the new content was refused; the previous ruleset keeps serving and {@link RulesetReloader#status()} says why */
    FAILED
}
