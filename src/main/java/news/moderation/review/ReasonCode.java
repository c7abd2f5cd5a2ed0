package news.moderation.review;

/** Why a moderator decided as they did, in the terms newsrooms use. */
public enum ReasonCode {
    PROFANITY,
    INSULT,
    HATE_SPEECH,
    HARASSMENT,
    THREAT,
    PERSONAL_DATA,
    SPAM,
    OFF_TOPIC,
    OTHER,
    /** For approvals: the machine held a comment that breaks no rule. */
    FALSE_POSITIVE,
    /** For approvals: borderline, but acceptable here. */
    ACCEPTABLE
}
