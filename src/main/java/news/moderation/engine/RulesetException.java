package news.moderation.engine;

import java.util.stream.Collectors;

/**
 * A ruleset that cannot be used: unreadable or oversized file, invalid rule, unsupported or too costly regex, or a
 * failing example. The message is one line: file, rule, example, problem.
 */
public class RulesetException extends Exception {
    private final String file;
    private final String ruleId;
    private final String example;

    public RulesetException(String file, String ruleId, String example, String problem) {
        this(file, ruleId, example, problem, null);
    }

    public RulesetException(String file, String ruleId, String example, String problem, Throwable cause) {
        super(describe(file, ruleId, example, problem), cause);
        this.file = file;
        this.ruleId = ruleId;
        this.example = example;
    }

    private static String describe(String file, String ruleId, String example, String problem) {
        StringBuilder message = new StringBuilder();
        message.append(file == null ? "(rules directory)" : file);
        if (ruleId != null) {
            message.append(", rule ").append(ruleId);
        }
        if (example != null) {
            message.append(", example \"").append(example).append('"');
        }
        return message.append(": ").append(problem).toString().lines().map(String::strip)
                .filter(line -> !line.isEmpty()).collect(Collectors.joining(" ")); // one line for logs and status
    }

    /** @return the rule file (relative to the rules directory), or null for directory-level problems */
    public String getFile() {
        return file;
    }

    /** @return the id of the offending rule, or null when the problem is not in one rule */
    public String getRuleId() {
        return ruleId;
    }

    /** @return the example text that failed, or null */
    public String getExample() {
        return example;
    }
}
