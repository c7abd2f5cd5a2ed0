package news.moderation.engine;

/**
 * One rule hit. {@code start}/{@code end} are UTF-16 offsets into the ORIGINAL comment (end exclusive) and
 * {@code excerpt} is {@code original.substring(start, end)}.
 */
public record Match(String ruleId, Category category, Severity severity, int start, int end, String excerpt) {
}
