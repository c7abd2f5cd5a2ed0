package news.moderation.engine.rules;

import news.moderation.engine.RulesetException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code *.yaml} files below a rules directory, read once, with the content hash that is the ruleset version
 * (independent of the files' names and layout).
 *
 * <p>Entries whose name starts with a dot are skipped by name but symlinks are followed: a Kubernetes ConfigMap
 * volume holds {@code ..data -> ..2026_11_29_...} plus top-level symlinks through {@code ..data}, so every file is
 * read once, through its public name, and a swap of {@code ..data} changes the content hash.
 */
public record RuleFiles(List<RuleFile> files, String version) {

    /** One file: its path relative to the rules directory (with '/') and its text. */
    public record RuleFile(String path, String content) {
    }

    private static final int MAX_DEPTH = 8;
    /** The largest rule file read, in bytes (the biggest shipped file is about 25 kB). */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** All rule files together, in bytes. */
    public static final long MAX_TOTAL_BYTES = 8L << 20;
    /** The most rule files in a ruleset. */
    public static final int MAX_FILES = 1000;

    public static RuleFiles read(Path directory) throws RulesetException {
        if (!Files.isDirectory(directory)) {
            throw new RulesetException(null, null, null, "rules directory " + directory + " does not exist");
        }
        List<RuleFile> files = new ArrayList<>();
        try {
            collect(directory, directory, 0, files, new long[1]);
        } catch (IOException e) {
            throw new RulesetException(null, null, null, "cannot read " + directory + ": " + e, e);
        }
        files.sort(Comparator.comparing(RuleFile::path));
        return new RuleFiles(List.copyOf(files), versionOf(files));
    }

    /**
     * Rule files given in memory (a candidate change tried before it goes live), held to the same limits as files
     * read from a directory.
     */
    public static RuleFiles of(List<RuleFile> given) throws RulesetException {
        List<RuleFile> files = new ArrayList<>(given);
        files.sort(Comparator.comparing(RuleFile::path));
        long totalBytes = 0;
        for (int i = 0; i < files.size(); i++) {
            RuleFile file = files.get(i);
            int bytes = file.content().getBytes(StandardCharsets.UTF_8).length;
            totalBytes += bytes;
            checkLimits(file.path(), bytes, totalBytes, i);
        }
        return new RuleFiles(List.copyOf(files), versionOf(files));
    }

    /** @param totalBytes the bytes read so far, in its only element */
    private static void collect(Path root, Path directory, int depth, List<RuleFile> files, long[] totalBytes)
            throws IOException, RulesetException {
        if (depth > MAX_DEPTH) {
            throw new IOException("directories nested deeper than " + MAX_DEPTH + " (a symlink loop?) at " + directory);
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(directory)) {
            entries = list.filter(path -> !path.getFileName().toString().startsWith(".")).toList();
        }
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                collect(root, entry, depth + 1, files, totalBytes);
            } else if (isRuleFile(entry)) {
                String relative = root.relativize(entry).toString().replace('\\', '/');
                byte[] bytes;
                try (InputStream in = Files.newInputStream(entry)) {
                    bytes = in.readNBytes(MAX_FILE_BYTES + 1); // never more, whatever the file claims to be
                }
                totalBytes[0] += bytes.length;
                checkLimits(relative, bytes.length, totalBytes[0], files.size());
                String content = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
                files.add(new RuleFile(relative, content));
            }
        }
    }

    /** @param filesBefore the files of the ruleset before this one */
    private static void checkLimits(String path, int fileBytes, long totalBytes, int filesBefore)
            throws RulesetException {
        if (fileBytes > MAX_FILE_BYTES) {
            throw new RulesetException(path, null, null, "the file is larger than the limit of "
                    + MAX_FILE_BYTES + " bytes for one rule file");
        }
        if (totalBytes > MAX_TOTAL_BYTES || filesBefore >= MAX_FILES) {
            throw new RulesetException(path, null, null, "the rule files up to this one are over the "
                    + "limit for a ruleset: " + MAX_FILES + " files, " + MAX_TOTAL_BYTES + " bytes in all");
        }
    }

    private static boolean isRuleFile(Path path) {
        String name = path.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(path);
    }

    /**
     * A hash of the files' contents only, not of their names or order: the same rules give the same version in a
     * local {@code rules/} tree and in a Kubernetes ConfigMap, which flattens {@code en/obscene.yaml} into
     * {@code en-obscene.yaml} (the folder layout is a convention; the files' keys are what count). The hash of each
     * file's content, sorted, hashed again.
     */
    private static String versionOf(List<RuleFile> files) {
        List<String> contentHashes = new ArrayList<>();
        for (RuleFile file : files) {
            byte[] content = file.content().getBytes(StandardCharsets.UTF_8);
            contentHashes.add(HexFormat.of().formatHex(sha256().digest(content)));
        }
        Collections.sort(contentHashes);
        MessageDigest all = sha256();
        for (String contentHash : contentHashes) {
            all.update(contentHash.getBytes(StandardCharsets.US_ASCII));
        }
        return "sha256:" + HexFormat.of().formatHex(all.digest()).substring(0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
