package news.moderation.ruleset;

/** The rule file of the security review: re2j ran out of heap compiling it, on every reload and at every start. */
final class RuleBomb {
    static final String FILE = """
            language: en
            category: obscene
            rules:
              - id: en.obscene.bomb
                severity: high
                pattern: "(?:(?:a{1000}){1000}){1000}"
                examples:
                  match: ["a"]
            """;

    private RuleBomb() {
    }
}
