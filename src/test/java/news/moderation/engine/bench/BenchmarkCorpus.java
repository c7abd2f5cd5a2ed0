package news.moderation.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Benchmark input, generated (no external data): comment-like texts, mostly clean, some abusive in disguised
 * spellings, some with personal data and non-ASCII text; and, when there is no real {@code rules/} directory, a
 * SYNTHETIC ruleset of invented words of the same size class (≥ 3,000 terms) with lists, patterns and allow-lists.
 */
public final class BenchmarkCorpus {
    private static final String[] COMMON_WORDS = ("the of and to in is that it for was on are as with his they at be "
            + "this from have or by one had not but what all were when we there can an your which their said if do "
            + "will each about how up out them then she many some so these would other into has more her two like "
            + "him see time could no make than first been its who now people my made over did down only way find "
            + "use may water long little very after words called just where most know get through back much go "
            + "good new write our used me man too any day same right look think also around another came come work "
            + "three word must because does part even place well such here take why things help put years different "
            + "away again off went old number great tell men say small every found still between name should home "
            + "big give air line set own under read last never us left end along while might next sound below saw "
            + "something thought both few those always looked show large often together asked house don't world "
            + "going want school important until form food keep children feet land side without boy once animals "
            + "life enough took sometimes four head above kind began almost live page got earth need far hand high "
            + "year mother light parts country father let night following picture being study second eyes soon "
            + "times story boys since white days ever paper hard near sentence better best across during today "
            + "others however sure means knew it's try told young miles sun ways thing whole hear example heard "
            + "several change answer room sea against top turned learn point city play toward five using himself "
            + "usually article government council minister election policy economy budget report journalist editor "
            + "community football match season weather climate village mayor police court judge decision scunthorpe "
            + "cocktail assassin therapist classic passage assessment grasshopper").split(" ");
    private static final String[] ACCENTED = {"café", "naïve", "Müller", "señor", "Straße", "garçon", "crème",
            "über", "año", "déjà"};
    private static final String[] EMOJI = {"😀", "👍", "🙄", "🔥", "❤️"};

    private final Random random = new Random(42);

    /** Terms of the ruleset's term rules as written (with their '*'), for dirty comments and the baseline. */
    public static List<String> termsOf(Path rulesDir) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        List<String> terms = new ArrayList<>();
        try (Stream<Path> files = Files.walk(rulesDir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode rules = yaml.readTree(file.toFile()).path("rules");
                for (JsonNode rule : rules) {
                    rule.path("terms").forEach(term -> terms.add(term.asText()));
                }
            }
        }
        return terms;
    }

    /** Comments totalling about {@code totalChars} chars; about one in six is abusive. */
    public List<String> comments(List<String> terms, int totalChars) {
        List<String> comments = new ArrayList<>();
        int chars = 0;
        while (chars < totalChars) {
            String comment = comment(terms);
            comments.add(comment);
            chars += comment.length();
        }
        return comments;
    }

    private String comment(List<String> terms) {
        StringBuilder comment = new StringBuilder();
        int sentences = 1 + random.nextInt(5);
        int kind = random.nextInt(24);
        for (int s = 0; s < sentences; s++) {
            comment.append(sentence());
        }
        if (kind < 3) {
            insertAt(comment, disguise(bareTerm(terms)));
        } else if (kind == 3) {
            insertAt(comment, "you are such a " + disguise(bareTerm(terms)));
        } else if (kind == 4) {
            comment.append(random.nextBoolean() ? " Mail me at jane.doe" + random.nextInt(99) + "@example.org."
                    : " Call +44 20 7946 " + (1000 + random.nextInt(8999)) + ".");
        } else if (kind == 5) {
            insertAt(comment, ACCENTED[random.nextInt(ACCENTED.length)] + " " + EMOJI[random.nextInt(EMOJI.length)]);
        }
        return comment.toString();
    }

    private String sentence() {
        int words = 5 + random.nextInt(18);
        StringBuilder sentence = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = COMMON_WORDS[random.nextInt(COMMON_WORDS.length)];
            if (w == 0) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            } else if (random.nextInt(30) == 0) {
                word = word + ",";
            }
            if (random.nextInt(60) == 0) {
                word = String.valueOf(1900 + random.nextInt(130));
            }
            sentence.append(word).append(' ');
        }
        sentence.setLength(sentence.length() - 1);
        return sentence.append(random.nextInt(8) == 0 ? "! " : ". ").toString();
    }

    private void insertAt(StringBuilder comment, String words) {
        int at = comment.indexOf(" ", random.nextInt(comment.length()));
        comment.insert(at < 0 ? comment.length() : at, " " + words);
    }

    private String bareTerm(List<String> terms) {
        String term = terms.get(random.nextInt(terms.size()));
        return term.replace("*", "");
    }

    /** The evasions the engine is built for: case, leet, masks, spacing, repeats, invisible characters. */
    private String disguise(String term) {
        return switch (random.nextInt(7)) {
            case 0 -> term.toUpperCase(Locale.ROOT);
            case 1 -> term.replace('i', '1').replace('e', '3').replace('o', '0').replace('a', '@');
            case 2 -> term.length() > 3 ? term.charAt(0) + "*" + term.substring(2) : term;
            case 3 -> String.join(".", term.split(""));
            case 4 -> term.length() > 2 ? term.substring(0, 2) + term.charAt(1) + term.charAt(1) + term.substring(2) : term;
            case 5 -> String.join("\u200B", term.split(""));
            default -> term;
        };
    }

    /**
     * Writes a synthetic ruleset: {@code rulesPerLanguage} term rules of 10 invented words each in four
     * languages, allow-lists, lists and context patterns, and personal-data patterns.
     */
    Path writeSyntheticRules(Path dir, int rulesPerLanguage) throws IOException {
        Files.writeString(dir.resolve("policy.yaml"), "decisions: {low: ALLOW, medium: REVIEW, high: REJECT}\n");
        for (String language : List.of("en", "de", "fr", "es")) {
            Files.createDirectories(dir.resolve(language));
            StringBuilder rules = new StringBuilder("language: " + language + "\ncategory: obscene\nrules:\n");
            for (int r = 0; r < rulesPerLanguage; r++) {
                List<String> terms = new ArrayList<>();
                for (int t = 0; t < 10; t++) {
                    String word = inventedWord();
                    terms.add(t % 5 == 1 ? word + "*" : t % 9 == 8 ? word + " " + inventedWord() : word);
                }
                rules.append("  - id: ").append(language).append(".obscene.synthetic").append(r).append('\n')
                        .append("    severity: ").append(List.of("low", "medium", "high").get(r % 3)).append('\n')
                        .append("    terms: [").append(String.join(", ", terms)).append("]\n")
                        .append("    examples:\n      match: [\"so ").append(terms.get(0)).append(" it\"]\n");
            }
            Files.writeString(dir.resolve(language + "/obscene.yaml"), rules);
            List<String> allow = new ArrayList<>();
            for (int a = 0; a < 50; a++) {
                allow.add(inventedWord());
            }
            Files.writeString(dir.resolve(language + "/allow.yaml"),
                    "language: " + language + "\nallow: [" + String.join(", ", allow) + "]\n");
        }
        Files.writeString(dir.resolve("en/lists.yaml"), """
                language: en
                lists:
                  you_are: [you are, youre, ur, u r, you r]
                  insult: [idiot, moron, imbecile, clown, "loser*", piece of shit, dimwit, halfwit]
                  group: [immigrants, muslims, jews, women, foreigners]
                  vermin: [animals, vermin, parasites, subhuman, cockroaches, rats]
                  hurt: [hurt, kill, shoot, stab, "beat*"]
                """);
        Files.writeString(dir.resolve("en/context.yaml"), """
                language: en
                category: personal_attack
                rules:
                  - id: en.personal_attack.you-are-insult
                    severity: medium
                    phrase: "{you_are} (such | a | an | the | so)*4 _? {insult}"
                    examples: {match: ["you are a moron"]}
                  - id: en.personal_attack.group-vermin
                    severity: high
                    phrase: "{group} are _*2 {vermin}"
                    examples: {match: ["immigrants are rats"]}
                  - id: en.personal_attack.threat
                    severity: high
                    phrase: "(someone | somebody) should {hurt} (him | her | them | you)"
                    examples: {match: ["someone should shoot him"]}
                """);
        Files.createDirectories(dir.resolve("any"));
        Files.writeString(dir.resolve("any/personal_data.yaml"), """
                language: any
                category: personal_data
                rules:
                  - id: any.personal_data.email
                    severity: medium
                    on: original
                    pattern: "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\\\.[A-Za-z]{2,}"
                    examples: {match: ["a@b.org"]}
                  - id: any.personal_data.phone
                    severity: medium
                    on: original
                    pattern: "\\\\+?\\\\d[\\\\d ()-]{7,}\\\\d"
                    examples: {match: ["+44 20 7946 0000"]}
                """);
        return dir;
    }

    private static final String[] ONSETS = {"b", "br", "d", "dr", "f", "fl", "g", "gr", "k", "kr", "m", "n", "p",
            "pl", "sk", "sn", "st", "t", "tr", "v", "w", "z"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou", "ee"};
    private static final String[] CODAS = {"", "k", "x", "rk", "nt", "mp", "sh", "tch", "z", "lb"};

    private String inventedWord() {
        StringBuilder word = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int s = 0; s < syllables; s++) {
            word.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
        }
        return word.append(CODAS[random.nextInt(CODAS.length)]).toString();
    }
}
