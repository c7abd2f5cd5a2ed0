package news.moderation.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Random;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegexFootprintTest {
    private static final String PHONE = "\\+?\\d[\\d ()-]{7,}\\d";
    private static final String EMAIL = "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}";

    @Test
    void aPhonePatternNeedsARunOfDigitsNotJustADigit() {
        RegexFootprint phone = RegexFootprint.of(PHONE);
        assertEquals(9, phone.minLength());
        assertFalse(phone.mayMatch("back in 1987 and again in 2003, 12 times"));
        assertTrue(phone.mayMatch("call +1 (555) 123-4567"));
    }

    @Test
    void anEmailPatternNeedsAnAt() {
        RegexFootprint email = RegexFootprint.of(EMAIL);
        assertEquals(AsciiSet.of('@'), email.requiredChars());
        assertFalse(email.mayMatch("no address in this long sentence at all"));
        assertTrue(email.mayMatch("me@example.org"));
    }

    @Test
    void anEmailWindowNeedsAnAddressCharOnEachSideOfTheAt() {
        RegexFootprint email = RegexFootprint.of(EMAIL);
        assertFalse(email.mayMatch("RT @someone: thanks, see you at the match. tomorrow @ 10.30"));
        assertTrue(email.mayMatch("RT @someone: write to me@example.org"));
    }

    /** Both ends of a number are required: a date and "(UTC)" of a signature have the first, not the last. */
    @Test
    void aPhonePatternNeedsBothEndsOfTheNumber() {
        RegexFootprint phone = RegexFootprint.of("(?i)(?:his|her) number\\s*:?\\s*[\\d(][\\d\\s().\\-/]{5,18}\\d");
        assertEquals(2, phone.requiredWindows().size(), phone.toString());
        assertFalse(phone.mayMatch("his number? no idea. 12:34, 5 May 2008 (UTC)"));
        assertTrue(phone.mayMatch("his number: (555) 123-4567"));
    }

    /**
     * Soundness of every char check: for each pattern of rules/any/personal_data.yaml and random texts built from
     * the chars and pieces of its examples, whenever re2j finds a match the footprint lets the text through.
     */
    @Test
    void theCharChecksNeverGateOutATextWithAMatch() throws Exception {
        JsonNode rules = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("rules/any/personal_data.yaml").toFile()).get("rules");
        Random random = new Random(11);
        String[] pieces = {" ", "  ", "\n", ".", "-", "/", "(", ")", "+", "@", ",", ":", "'", "0", "00", "12", "123",
                "2024", "555", "a", "de", "St", "rue", "calle", "his", "number", "is", "é", "ß", "😀", "x.y",
                "com"};
        int matched = 0;
        for (JsonNode rule : rules) {
            String regex = rule.get("pattern").asText();
            com.google.re2j.Pattern pattern = com.google.re2j.Pattern.compile(regex);
            RegexFootprint footprint = RegexFootprint.of(regex);
            List<String> examples = new ArrayList<>();
            rule.get("examples").get("match").forEach(example -> examples.add(example.asText()));
            for (int n = 0; n < 3000; n++) {
                StringBuilder text = new StringBuilder();
                for (int k = random.nextInt(12); k > 0; k--) {
                    if (random.nextInt(6) == 0) {
                        String example = examples.get(random.nextInt(examples.size()));
                        int from = random.nextInt(example.length());
                        text.append(example, from, from + random.nextInt(example.length() - from + 1));
                    } else {
                        text.append(pieces[random.nextInt(pieces.length)]);
                    }
                }
                String candidate = text.toString();
                if (pattern.matcher(candidate).find()) {
                    matched++;
                    assertTrue(footprint.mayMatch(candidate), regex + " gated out \"" + candidate + "\": " + footprint);
                    assertTrue(footprint.requiredStringsAsWrittenIn(candidate),
                            regex + " lacks its strings as written in \"" + candidate + "\"");
                }
            }
        }
        assertTrue(matched > 1000, "too few random texts matched to test anything: " + matched);
    }

    /**
     * The street-address pattern keeps case: "just" and "first" hold its "st" in lower case (the marker pass lets
     * the text through) but not its "St", so the regex does not run; a pattern that folds case is not checked so.
     */
    @Test
    void aPatternThatKeepsCaseNeedsItsStringsAsWritten() {
        RegexFootprint streetAddress = RegexFootprint.of("\\b\\d{1,5}[A-Za-z]?\\s+(?:[A-Z][A-Za-z'\\-]+\\s+){1,3}"
                + "(?:Street|St|Avenue|Ave|Road|Rd)\\b\\.?");
        String prose = "In 1984 Robert just wrote a first Draft";
        assertTrue(streetAddress.mayMatch(prose));
        assertFalse(streetAddress.requiredStringsAsWrittenIn(prose));
        assertTrue(streetAddress.requiredStringsAsWrittenIn("he lives at 123 Main Street"));
        assertTrue(streetAddress.requiredStringsAsWrittenIn("10 Downing St"));
        assertTrue(RegexFootprint.of("(?i)\\d+ (?:street|st)\\b").requiredStringsAsWrittenIn("12 MAIN ST"));
    }

    @Test
    void findsTheStringsEveryMatchNeeds() {
        RegexFootprint groupAreVermin = RegexFootprint.of(
                "\\b(?:immigrants|jews)\\b are (?:\\w+ ){0,2}\\b(?:vermin|rats|parasite\\w*)\\b");
        assertEquals(List.of(Set.of("immigrants are ", "jews are "), Set.of("vermin", "rats", "parasite")),
                groupAreVermin.requiredStrings());
        RegexFootprint eitherBranch = RegexFootprint.of("(?:you are|ur) (?:an? )?(?:idiot|moron)|@\\w+ is a clown");
        Set<String> either = eitherBranch.requiredStrings().get(0); // the whole first branch is a small finite set
        assertEquals(13, either.size());
        assertTrue(either.containsAll(Set.of("you are an idiot", "ur moron", " is a clown")));
        assertEquals(List.of(), RegexFootprint.of("(?:idiot)?x").requiredStrings()); // optional: not required
        assertEquals(List.of(Set.of("idiot")), RegexFootprint.of("(?i)idiot").requiredStrings()); // compared in lower case
    }

    /** A text holding "Street." holds "St": a group keeps only the strings that hold no other of it. */
    @Test
    void aGroupKeepsNoStringThatHoldsAnotherOne() {
        assertEquals(List.of(Set.of("St", "Ave")),
                RegexFootprint.of("\\d+\\s+(?:Street|St|Avenue|Ave)\\b\\.?").requiredStrings());
    }

    @Test
    void prefersRareCharactersToSpacesAndLetters() {
        assertEquals(AsciiSet.of('@'), RegexFootprint.of("(?:@\\w+ is a (?:idiot|moron)|\\b(?:idiot|moron) @\\w+)")
                .requiredChars());
    }

    @Test
    void groupsAlternativesAndQuantifiersAreAccountedFor() {
        RegexFootprint iban = RegexFootprint.of("\\b[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}\\b");
        assertEquals(4 + 12, iban.minLength());
        RegexFootprint either = RegexFootprint.of("(?:\\+\\d{2}|00\\d{2}) ?\\d{6,}");
        assertEquals(3 + 6, either.minLength());
        // every match has an '@' (first alternative) or a digit (second)
        assertEquals(AsciiSet.of('@').union(AsciiSet.DIGITS), RegexFootprint.of("x@y|\\d+").requiredChars());
        assertEquals(AsciiSet.of('y'), RegexFootprint.of("(?:x@)?y").requiredChars()); // the '@' is optional
        assertNull(RegexFootprint.of("\\d+.\\d+").alphabet()); // '.' may be anything
        assertTrue(RegexFootprint.of("(?i)ab{3}").mayMatch("ABBB"));
    }

    /**
     * Syntax the footprint does not analyse (Unicode and POSIX classes, hex chars, quoting, flags) must never gate
     * out a text the regex matches: each regex here matches its text, so the footprint must let it through.
     */
    @Test
    void unanalysedSyntaxNeverGatesOutAMatch() {
        List<String[]> cases = List.of(
                new String[] {"\\pL+ \\d{3}", "Zoë 123"},
                new String[] {"\\p{L}+@\\p{Lu}", "zoë@Ä"},
                new String[] {"[[:alpha:]]+ \\d{4}", "street 1234"},
                new String[] {"(?si)STREET.\\d{4}", "street\n1234"},
                new String[] {"(?i:IBAN) \\d{4}", "iban 1234"},
                new String[] {"\\x{41}\\x42 \\d{4}", "AB 1234"},
                new String[] {"[\\p{L}\\d]{6}", "ab12cd"});
        for (String[] regexAndText : cases) {
            String regex = regexAndText[0];
            String text = regexAndText[1];
            assertTrue(com.google.re2j.Pattern.compile(regex).matcher(text).find(), regex);
            RegexFootprint footprint = RegexFootprint.of(regex);
            assertTrue(footprint.mayMatch(text), regex + " gated out \"" + text + "\": " + footprint);
            for (Set<String> group : footprint.requiredStrings()) {
                assertTrue(group.stream().anyMatch(string -> text.toLowerCase().contains(string.toLowerCase())),
                        regex + " requires one of " + group);
            }
        }
    }

    @Test
    void refusesWhatRe2jCannotRunAndListReferencesNamingTheConstruct() {
        for (String[] regexAndConstruct : List.of(new String[] {"(?=idiot)\\w+", "look-ahead"},
                new String[] {"(?<!not )idiot", "negative look-behind"}, new String[] {"(\\w+) \\1", "back-reference"},
                new String[] {"(?<x>a)\\k<x>", "back-reference"}, new String[] {"(?>a+)b", "atomic group"},
                new String[] {"a*+b", "possessive"}, new String[] {"\\d{2}+", "possessive"},
                new String[] {"{insult} @\\w+", "word lists are for phrases"},
                new String[] {"\\Q+1 (\\E\\d{3}", "quoting, which is not supported"})) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> RegexFootprint.of(regexAndConstruct[0]), regexAndConstruct[0]);
            assertTrue(e.getMessage().contains(regexAndConstruct[1]), e.getMessage());
        }
        // what re2j does support parses: named groups, lazy quantifiers, counted repeats, literal braces
        RegexFootprint.of("(?P<year>\\d{4})-(?<month>\\d{2}) a+? b{2,}? \\{x\\} {,3}");
    }
}
