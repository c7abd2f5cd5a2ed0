package news.moderation.integrations.perspective;

import news.moderation.engine.Category;
import news.moderation.engine.Decision;
import news.moderation.engine.Match;
import news.moderation.engine.Severity;

/**
 * The Perspective attributes this service answers, and which of the engine's matches are evidence for each. The
 * engine has no model per attribute: an attribute is scored from the matches of the categories that mean it.
 */
public enum Attribute {
    /** Everything a moderator should see, so that Coral's threshold on it holds what the engine sends to review. */
    TOXICITY((match, decision) -> true),
    SEVERE_TOXICITY((match, decision) -> decision == Decision.REJECT),
    IDENTITY_ATTACK((match, decision) -> match.category() == Category.DEROGATORY),
    INSULT((match, decision) -> match.category() == Category.PERSONAL_ATTACK),
    PROFANITY((match, decision) -> match.category() == Category.OBSCENE),
    THREAT((match, decision) -> match.category() == Category.THREAT),
    /** The rules rate explicit sexual terms high among obscenities; the milder ones are profanity. */
    SEXUALLY_EXPLICIT((match, decision) -> match.category() == Category.OBSCENE && match.severity() == Severity.HIGH),
    /** The New York Times attributes: the engine cannot tell whom a personal attack is aimed at, so both count it. */
    OBSCENE((match, decision) -> match.category() == Category.OBSCENE),
    ATTACK_ON_COMMENTER((match, decision) -> match.category() == Category.PERSONAL_ATTACK),
    ATTACK_ON_AUTHOR((match, decision) -> match.category() == Category.PERSONAL_ATTACK);

    interface Evidence {
        boolean counts(Match match, Decision decision);
    }

    private final Evidence evidence;

    Attribute(Evidence evidence) {
        this.evidence = evidence;
    }

    boolean counts(Match match, Decision decision) {
        return evidence.counts(match, decision);
    }

    /** @return the attribute with this name, or null when this service does not score it */
    static Attribute named(String name) {
        for (Attribute attribute : values()) {
            if (attribute.name().equals(name)) {
                return attribute;
            }
        }
        return null;
    }
}
