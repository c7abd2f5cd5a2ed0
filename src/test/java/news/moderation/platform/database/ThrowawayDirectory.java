package news.moderation.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A directory under {@code target/} for one test's PostgreSQL, deleted with everything in it once the server is
 * stopped: each holds about 100 MB (the unpacked binaries, the cluster, its write-ahead log), and test runs repeated
 * without {@code mvn clean} would otherwise fill the disk.
 */
final class ThrowawayDirectory {

    private ThrowawayDirectory() {
    }

    static Path create(String prefix) {
        try {
            return Files.createTempDirectory(Path.of("target"), prefix).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
