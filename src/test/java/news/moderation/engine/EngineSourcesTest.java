package news.moderation.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The engine stays framework-free and never uses java.util.regex (re2j only). */
class EngineSourcesTest {
    private static final List<String> FORBIDDEN = List.of("io.quarkus", "jakarta.", "org.hibernate",
            "org.eclipse.microprofile", "java.util.regex.", ".matches(\"", ".replaceAll(", ".split(\"");

    @Test
    void engineSourcesImportNoFrameworkAndNoJavaRegex() throws IOException {
        List<String> offences;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/news/moderation/engine"))) {
            offences = sources.filter(path -> path.toString().endsWith(".java"))
                    .flatMap(path -> FORBIDDEN.stream().filter(word -> read(path).contains(word))
                            .map(word -> path + ": " + word))
                    .toList();
        }
        assertEquals(List.of(), offences);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
