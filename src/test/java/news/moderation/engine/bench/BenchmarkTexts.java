package news.moderation.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The texts every benchmark of one run works on: the {@code text} field of every row of a {@code .jsonl} file or of
 * every {@code *.jsonl} file of a directory (in name order), read where it lies at benchmark time and never copied
 * into the project; or, when no such path is given or it does not exist, the generated corpus of
 * {@link BenchmarkCorpus}. scripts/bench/profanity/bench.mjs reads a path the same way, so both sides of the
 * comparison judge the same texts.
 */
final class BenchmarkTexts {
    /** size of the generated corpus when no texts are given */
    static final int GENERATED_CHARS = 250_000;

    private BenchmarkTexts() {
    }

    /** Whether {@code source} names texts to read (else the generated corpus is used). */
    static boolean exists(String source) {
        return !source.isBlank() && Files.exists(Path.of(source));
    }

    static List<String> load(String source, Path rulesDir) throws IOException {
        if (!exists(source)) {
            return new BenchmarkCorpus().comments(BenchmarkCorpus.termsOf(rulesDir), GENERATED_CHARS);
        }
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Path file : jsonlFiles(Path.of(source))) {
            try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                lines.filter(line -> !line.isBlank()).forEach(line -> texts.add(textOf(json, line, file)));
            }
        }
        return texts;
    }

    /** Writes {@code texts} as JSON lines with a {@code text} field, for the Node side of a generated-corpus run. */
    static Path writeJsonl(List<String> texts, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>(texts.size());
        for (String text : texts) {
            lines.add(json.createObjectNode().put("text", text).toString());
        }
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static long utf8Bytes(List<String> texts) {
        return texts.stream().mapToLong(text -> text.getBytes(StandardCharsets.UTF_8).length).sum();
    }

    private static List<Path> jsonlFiles(Path source) throws IOException {
        if (!Files.isDirectory(source)) {
            return List.of(source);
        }
        try (Stream<Path> files = Files.list(source)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    private static String textOf(ObjectMapper json, String line, Path file) {
        try {
            JsonNode text = json.readTree(line).get("text");
            if (text == null || !text.isTextual()) {
                throw new IOException("a row without a \"text\" string in " + file);
            }
            return text.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
