package news.moderation.platform.security;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import org.jboss.logging.Logger;

import news.moderation.platform.config.EarlySettings;
import news.moderation.platform.config.StartupFailure;

/**
 * For the embedded default (and dev mode) only: a key pair generated on first start in {@code moderation.jwt.key-dir},
 * whose public half verifies moderator tokens and whose private half {@code scripts/MintToken.java} signs them with.
 * Production configures its identity provider's key instead ({@code mp.jwt.verify.publickey.location}).
 */
public final class LocalSigningKeys {

    static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String KEY_DIR_PROPERTY = "moderation.jwt.key-dir";
    public static final String PRIVATE_KEY_FILE = "private-key.pem";
    public static final String PUBLIC_KEY_FILE = "public-key.pem";

    private static final Logger LOG = Logger.getLogger(LocalSigningKeys.class);

    private LocalSigningKeys() {
    }

    /**
     * Makes sure moderator tokens can be verified: with no key configured and the embedded database in use, points
     * verification at the local key pair (creating it if needed); when the configured key is the local pair's (dev
     * mode names it in application.properties), creates the pair if needed; with no key and an external database,
     * warns that every moderator call will be refused.
     *
     * @throws StartupFailure naming the setting to change when the key cannot be created or read
     */
    public static void provide(EarlySettings settings, boolean embeddedDatabase) {
        Path dir = Path.of(settings.get(KEY_DIR_PROPERTY).orElseThrow(
                () -> new StartupFailure("No directory for the local token signing keys: set " + KEY_DIR_PROPERTY)))
                .toAbsolutePath();
        Path localPublicKey = dir.resolve(PUBLIC_KEY_FILE);
        Optional<String> location = settings.get(PUBLIC_KEY_LOCATION);
        if (location.isEmpty()) {
            if (embeddedDatabase) {
                ensureKeyPair(dir);
                System.setProperty(PUBLIC_KEY_LOCATION, localPublicKey.toUri().toString());
            } else {
                LOG.warnf("No key verifies moderator tokens, so every call to /api/v1/moderation and /api/v1/admin is "
                        + "refused with 401: set %s (MP_JWT_VERIFY_PUBLICKEY_LOCATION) to your identity provider's "
                        + "public key or JWKS URL", PUBLIC_KEY_LOCATION);
            }
        } else if (localFile(location.get()).map(localPublicKey::equals).orElse(false)) {
            ensureKeyPair(dir);
        } else {
            checkReadable(location.get());
        }
    }

    private static void ensureKeyPair(Path dir) {
        if (Files.exists(dir.resolve(PUBLIC_KEY_FILE))) {
            return;
        }
        try {
            generate(dir);
            LOG.infof("Generated the local token signing key pair in %s", dir);
        } catch (IOException e) {
            String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.getClass().getSimpleName() + " " + e.getMessage();
            throw new StartupFailure("Could not create the token signing keys in " + dir + " (" + reason + "): set "
                    + KEY_DIR_PROPERTY + " to a writable directory", e);
        }
    }

    /** A key file that is configured but cannot be read would refuse every token with nothing in the log. */
    private static void checkReadable(String location) {
        if (location.startsWith("http:") || location.startsWith("https:")) {
            return; // a JWKS URL, fetched (and retried) by SmallRye JWT itself
        }
        Optional<Path> file = localFile(location);
        boolean readable = file.map(Files::isReadable).orElse(false)
                || Thread.currentThread().getContextClassLoader()
                        .getResource(location.replaceFirst("^classpath:", "")) != null;
        if (!readable) {
            throw new StartupFailure("The token verification key " + location + " cannot be read: set "
                    + PUBLIC_KEY_LOCATION + " to a readable PEM file or a JWKS URL");
        }
    }

    /** The absolute file a location names: a path or a {@code file:} URI; empty for other schemes. */
    private static Optional<Path> localFile(String location) {
        try {
            if (location.startsWith("file:")) {
                return Optional.of(Path.of(URI.create(location)).toAbsolutePath());
            }
            if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
                return Optional.empty(); // classpath:, http: and the like
            }
            return Optional.of(Path.of(location).toAbsolutePath());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void generate(Path dir) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
        Files.createDirectories(dir);
        Path privateKey = dir.resolve(PRIVATE_KEY_FILE);
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
