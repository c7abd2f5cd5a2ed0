package news.moderation.engine.rules;

/**
 * What every match of a regex must contain, worked out by a small parser of re2j syntax, so that a pattern is only
 * run on texts where it can match (re2j is linear but not fast: tens of MB/s).
 *
 * <ul>
 *   <li>{@code alphabet}: every character of a match is one of these, and a match is at least {@code minLength}
 *       long; so the text needs a run of {@code minLength} such characters. A phone-number pattern
 *       ({@code \+?\d[\d ()-]{7,}\d}) needs 9 digits, spaces or brackets in a row: ordinary prose with a year
 *       in it does not have that.</li>
 *   <li>{@code required}: every match contains one of these ('@' for an e-mail address).</li>
 * </ul>
 * Either is null when the regex allows anything there ({@code .}, {@code \pL}, negated classes, non-ASCII).
 */
record RegexFootprint(AsciiSet alphabet, int minLength, AsciiSet required) {

    static RegexFootprint of(String regex) {
        Parser parser = new Parser(regex);
        RegexFootprint footprint = parser.alternation();
        if (parser.i < regex.length()) {
            return new RegexFootprint(null, 0, null); // an unbalanced ')': re2j will refuse it anyway
        }
        if (regex.contains("(?i")) {
            return new RegexFootprint(bothCases(footprint.alphabet), footprint.minLength, bothCases(footprint.required));
        }
        return footprint;
    }

    boolean mayMatch(String text) {
        if (required != null && !containsAny(text, required)) {
            return false;
        }
        return alphabet == null || minLength <= 1 || hasRun(text, alphabet, minLength);
    }

    private static boolean containsAny(String text, AsciiSet set) {
        for (int i = 0, length = text.length(); i < length; i++) {
            if (set.contains(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code text} has {@code minLength} consecutive characters of {@code set}. Probes every
     * {@code minLength}-th character (a run that long must cover one) and measures the run around it.
     */
    private static boolean hasRun(String text, AsciiSet set, int minLength) {
        int length = text.length();
        int probe = minLength - 1;
        while (probe < length) {
            if (!set.contains(text.charAt(probe))) {
                probe += minLength;
                continue;
            }
            int start = probe;
            while (start > 0 && set.contains(text.charAt(start - 1))) {
                start--;
            }
            int end = probe + 1;
            while (end < length && end - start < minLength && set.contains(text.charAt(end))) {
                end++;
            }
            if (end - start >= minLength) {
                return true;
            }
            probe = end + minLength; // text[end] is not in the set: the next run starts after it
        }
        return false;
    }

    private static AsciiSet bothCases(AsciiSet set) {
        if (set == null) {
            return null;
        }
        AsciiSet folded = set;
        for (char c = 'a'; c <= 'z'; c++) {
            char upper = Character.toUpperCase(c);
            if (set.contains(c) || set.contains(upper)) {
                folded = folded.union(AsciiSet.of(c)).union(AsciiSet.of(upper));
            }
        }
        return folded;
    }

    /** A sequence of pieces: characters come from any piece, lengths add up, the most selective requirement wins. */
    private static RegexFootprint sequence(RegexFootprint a, RegexFootprint b) {
        AsciiSet alphabet = a.alphabet == null || b.alphabet == null ? null : a.alphabet.union(b.alphabet);
        AsciiSet required = a.required == null ? b.required
                : b.required == null || a.required.size() <= b.required.size() ? a.required : b.required;
        return new RegexFootprint(alphabet, a.minLength + b.minLength, required);
    }

    /** Alternatives: characters from either, the shorter length, a requirement only if both have one. */
    private static RegexFootprint either(RegexFootprint a, RegexFootprint b) {
        AsciiSet alphabet = a.alphabet == null || b.alphabet == null ? null : a.alphabet.union(b.alphabet);
        AsciiSet required = a.required == null || b.required == null ? null : a.required.union(b.required);
        return new RegexFootprint(alphabet, Math.min(a.minLength, b.minLength), required);
    }

    private static final RegexFootprint EMPTY = new RegexFootprint(AsciiSet.NONE, 0, null);
    private static final RegexFootprint ANYTHING = new RegexFootprint(null, 1, null);

    private static RegexFootprint oneOf(AsciiSet set) {
        return set == null ? ANYTHING : new RegexFootprint(set, 1, set);
    }

    /** Recursive descent over alternation, sequence, quantified atom. */
    private static final class Parser {
        private final String regex;
        private int i;

        Parser(String regex) {
            this.regex = regex;
        }

        RegexFootprint alternation() {
            RegexFootprint result = sequence();
            while (i < regex.length() && regex.charAt(i) == '|') {
                i++;
                result = either(result, sequence());
            }
            return result;
        }

        private RegexFootprint sequence() {
            RegexFootprint result = EMPTY;
            while (i < regex.length() && regex.charAt(i) != '|' && regex.charAt(i) != ')') {
                result = RegexFootprint.sequence(result, quantified(atom()));
            }
            return result;
        }

        private RegexFootprint quantified(RegexFootprint atom) {
            if (i >= regex.length()) {
                return atom;
            }
            char c = regex.charAt(i);
            int min;
            if (c == '?' || c == '*') {
                i++;
                min = 0;
            } else if (c == '+') {
                i++;
                min = 1;
            } else if (c == '{' && repeatEnd() > 0) {
                int close = repeatEnd();
                String counts = regex.substring(i + 1, close);
                int comma = counts.indexOf(',');
                min = Integer.parseInt(comma < 0 ? counts : counts.substring(0, comma));
                i = close + 1;
            } else {
                return atom;
            }
            if (i < regex.length() && regex.charAt(i) == '?') {
                i++; // lazy
            }
            int minLength = (int) Math.min((long) atom.minLength * min, Integer.MAX_VALUE / 2);
            return new RegexFootprint(atom.alphabet, minLength, min == 0 ? null : atom.required);
        }

        /** @return the index of the '}' of a repeat count such as {2} {2,} {2,5} at i, or -1 */
        private int repeatEnd() {
            int close = regex.indexOf('}', i);
            if (close < 0) {
                return -1;
            }
            String counts = regex.substring(i + 1, close);
            boolean digitsAndComma = !counts.isEmpty() && Character.isDigit(counts.charAt(0))
                    && counts.chars().allMatch(ch -> Character.isDigit(ch) || ch == ',');
            return digitsAndComma && counts.chars().filter(ch -> ch == ',').count() <= 1 ? close : -1;
        }

        private RegexFootprint atom() {
            char c = regex.charAt(i++);
            switch (c) {
                case '(' -> {
                    if (regex.startsWith("?", i)) {
                        int close = regex.indexOf(')', i);
                        int colon = regex.indexOf(':', i);
                        int name = regex.indexOf('>', i);
                        if (close >= 0 && (colon < 0 || close < colon) && (name < 0 || close < name)) {
                            i = close + 1; // a flag group such as (?i)
                            return EMPTY;
                        }
                        i = Math.min(colon < 0 ? Integer.MAX_VALUE : colon, name < 0 ? Integer.MAX_VALUE : name) + 1;
                    }
                    RegexFootprint group = alternation();
                    i++; // ')'
                    return group;
                }
                case '[' -> {
                    int start = i;
                    if (i < regex.length() && regex.charAt(i) == '^') {
                        i++;
                    }
                    if (i < regex.length() && regex.charAt(i) == ']') {
                        i++;
                    }
                    while (i < regex.length() && regex.charAt(i) != ']') {
                        i += regex.charAt(i) == '\\' ? 2 : 1;
                    }
                    i++;
                    return oneOf(characterClass(regex.substring(start, Math.min(i - 1, regex.length()))));
                }
                case '\\' -> {
                    char escaped = i < regex.length() ? regex.charAt(i++) : '\\';
                    if ("bBAz".indexOf(escaped) >= 0) {
                        return EMPTY; // zero-width
                    }
                    return oneOf(escapeClass(escaped));
                }
                case '^', '$' -> {
                    return EMPTY;
                }
                case '.' -> {
                    return ANYTHING;
                }
                default -> {
                    return oneOf(c < 128 ? AsciiSet.of(c) : null);
                }
            }
        }
    }

    /** The ASCII members of a class body ("A-Za-z0-9._%+-", "\\d ()-"); null if negated or not plain ASCII. */
    static AsciiSet characterClass(String body) {
        if (body.isEmpty() || body.charAt(0) == '^') {
            return null;
        }
        AsciiSet members = AsciiSet.NONE;
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c >= 128) {
                return null;
            }
            if (c == '\\' && k + 1 < body.length()) {
                AsciiSet escaped = escapeClass(body.charAt(++k));
                if (escaped == null) {
                    return null;
                }
                members = members.union(escaped);
            } else if (k + 2 < body.length() && body.charAt(k + 1) == '-' && body.charAt(k + 2) < 128) {
                members = members.union(AsciiSet.range(c, body.charAt(k + 2)));
                k += 2;
            } else {
                members = members.union(AsciiSet.of(c));
            }
        }
        return members;
    }

    /** \d \w \s and escaped punctuation; null for anything else (\D, \pL, \x{..}, ...). */
    private static AsciiSet escapeClass(char escaped) {
        return switch (escaped) {
            case 'd' -> AsciiSet.DIGITS;
            case 'w' -> AsciiSet.WORD;
            case 's' -> AsciiSet.SPACE;
            case 'n' -> AsciiSet.of('\n');
            case 't' -> AsciiSet.of('\t');
            default -> escaped < 128 && !Character.isLetterOrDigit(escaped) ? AsciiSet.of(escaped) : null;
        };
    }
}
