package news.moderation.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.jboss.logging.Logger;

import news.moderation.platform.config.EarlySettings;

/**
 * For the embedded default only: a key pair generated on first start in the data directory, whose public half
 * verifies moderator tokens and whose private half {@code scripts/MintToken.java} signs them with. Production
 * configures its identity provider's key instead ({@code mp.jwt.verify.publickey.location}).
 */
public final class LocalSigningKeys {

    static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String KEY_DIR_PROPERTY = "moderation.jwt.key-dir";
    static final String KEY_DIR_ENV = "MODERATION_JWT_KEY_DIR";
    public static final String PRIVATE_KEY_FILE = "private-key.pem";
    public static final String PUBLIC_KEY_FILE = "public-key.pem";

    private static final Logger LOG = Logger.getLogger(LocalSigningKeys.class);

    private LocalSigningKeys() {
    }

    /** Points token verification at the local key pair, creating it if needed, unless a key is configured. */
    public static void provideUnlessConfigured() {
        if (EarlySettings.get(PUBLIC_KEY_LOCATION, "MP_JWT_VERIFY_PUBLICKEY_LOCATION").isPresent()) {
            return;
        }
        Path dir = Path.of(EarlySettings.get(KEY_DIR_PROPERTY, KEY_DIR_ENV).orElse("data/jwt")).toAbsolutePath();
        try {
            if (!Files.exists(dir.resolve(PUBLIC_KEY_FILE))) {
                generate(dir);
                LOG.infof("Generated the local token signing key pair in %s", dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the token signing keys in " + dir, e);
        }
        System.setProperty(PUBLIC_KEY_LOCATION, dir.resolve(PUBLIC_KEY_FILE).toUri().toString());
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
