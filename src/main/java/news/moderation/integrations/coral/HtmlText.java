package news.moderation.integrations.coral;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import news.moderation.engine.Match;
import news.moderation.engine.Verdict;

/**
 * The text of a comment body that Coral sends as sanitized HTML, with the way back from each character of the text
 * to the markup it came from, so that match offsets can point into the body exactly as received. Tags are dropped
 * (a block-level one becomes a line break, so that words on either side stay apart) and character references are
 * decoded. A body with no markup is its own text. A lone {@code <} or {@code &} that starts no tag or reference is
 * kept as written, so plain-text bodies (Coral's other format) come through unchanged.
 */
final class HtmlText {

    private static final Set<String> BLOCK_TAGS = Set.of("br", "p", "div", "blockquote", "li", "ul", "ol", "pre", "hr",
            "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th");
    private static final Map<String, String> NAMED_REFERENCES = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", "\u00a0");
    private static final int LONGEST_REFERENCE = 10;

    private final String html;
    private final StringBuilder text = new StringBuilder();
    /** For each character of the text, where its source begins and ends (exclusive) in the HTML. */
    private int[] sourceStart;
    private int[] sourceEnd;

    private HtmlText(String html) {
        this.html = html;
        this.sourceStart = new int[html.length() + 1];
        this.sourceEnd = new int[html.length() + 1];
    }

    static HtmlText of(String html) {
        HtmlText parsed = new HtmlText(html);
        parsed.parse();
        return parsed;
    }

    String text() {
        return text.toString();
    }

    /** The same verdict with every match's offsets and excerpt moved from the text to the HTML. */
    Verdict onHtml(Verdict onText) {
        return new Verdict(onText.decision(), onText.categories(), onText.matches().stream().map(match -> {
            int start = sourceStart[match.start()];
            int end = sourceEnd[match.end() - 1];
            return new Match(match.ruleId(), match.category(), match.severity(), start, end, html.substring(start, end));
        }).toList(), onText.rulesetVersion());
    }

    private void parse() {
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            int next = c == '<' ? skipTag(i) : c == '&' ? decodeReference(i) : -1;
            if (next < 0) {
                append(String.valueOf(c), i, i + 1);
                next = i + 1;
            }
            i = next;
        }
        sourceStart = Arrays.copyOf(sourceStart, text.length());
        sourceEnd = Arrays.copyOf(sourceEnd, text.length());
    }

    /** @return the index after the tag or comment at {@code lt}, or -1 when none starts there */
    private int skipTag(int lt) {
        if (html.startsWith("<!--", lt)) {
            int close = html.indexOf("-->", lt + 4);
            return close < 0 ? -1 : close + 3;
        }
        int nameStart = lt + 1 < html.length() && html.charAt(lt + 1) == '/' ? lt + 2 : lt + 1;
        int nameEnd = nameStart;
        while (nameEnd < html.length() && Character.isLetterOrDigit(html.charAt(nameEnd))) {
            nameEnd++;
        }
        int close = html.indexOf('>', nameEnd);
        if (nameEnd == nameStart || !Character.isLetter(html.charAt(nameStart)) || close < 0) {
            return -1;
        }
        if (BLOCK_TAGS.contains(html.substring(nameStart, nameEnd).toLowerCase(java.util.Locale.ROOT))
                && !text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            append("\n", lt, close + 1);
        }
        return close + 1;
    }

    /** @return the index after the character reference at {@code amp}, or -1 when none starts there */
    private int decodeReference(int amp) {
        int semicolon = html.indexOf(';', amp);
        if (semicolon < 0 || semicolon - amp > LONGEST_REFERENCE) {
            return -1;
        }
        String name = html.substring(amp + 1, semicolon);
        String decoded = NAMED_REFERENCES.get(name);
        if (decoded == null && name.matches("#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}")) {
            int codePoint = name.charAt(1) == 'x' || name.charAt(1) == 'X'
                    ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
            decoded = Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : null;
        }
        if (decoded == null) {
            return -1;
        }
        append(decoded, amp, semicolon + 1);
        return semicolon + 1;
    }

    private void append(String chars, int start, int end) {
        for (int k = 0; k < chars.length(); k++) {
            sourceStart[text.length()] = start;
            sourceEnd[text.length()] = end;
            text.append(chars.charAt(k));
        }
    }
}
