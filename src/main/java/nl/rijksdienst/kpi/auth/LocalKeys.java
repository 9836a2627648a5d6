package nl.rijksdienst.kpi.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The key pair of a local installation, for editors without an identity provider: generated on
 * first use in a directory of the user's, never shipped in the repository. The service verifies
 * tokens with the public key; the {@code editor-token} command signs them with the private key.
 */
public final class LocalKeys {

    static final String PRIVATE_KEY = "editor-signing-key.pem";
    static final String PUBLIC_KEY = "editor-verify-key.pem";

    private LocalKeys() {
    }

    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".rijksdienst-kpi", "keys");
    }

    /** The public key file in the directory, generating the key pair first if there is none. */
    public static synchronized Path ensure(Path directory) {
        Path publicKey = directory.resolve(PUBLIC_KEY);
        Path privateKey = directory.resolve(PRIVATE_KEY);
        if (Files.exists(publicKey) && Files.exists(privateKey)) {
            return publicKey;
        }
        try {
            Files.createDirectories(directory);
            // Replicas sharing the directory may start together: one generates, the others wait and read its pair.
            try (FileChannel lockChannel = FileChannel.open(directory.resolve(".generating.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockChannel.lock()) {
                if (Files.exists(publicKey) && Files.exists(privateKey)) {
                    return publicKey;
                }
                return generate(directory, publicKey, privateKey);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the local key pair in " + directory, e);
        }
    }

    private static Path generate(Path directory, Path publicKey, Path privateKey) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            // Written to temporary files and moved into place, private key first: a process that
            // sees the public key also sees the complete private key of the same pair.
            Path privateTemp = Files.createTempFile(directory, "signing", ".tmp");
            try {
                Files.setPosixFilePermissions(privateTemp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection applies
            }
            Files.writeString(privateTemp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Path publicTemp = Files.createTempFile(directory, "verify", ".tmp");
            Files.writeString(publicTemp, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            Files.move(privateTemp, privateKey, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(publicTemp, publicKey, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return publicKey;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key pair", e);
        }
    }

    /** The private key of the directory's pair, generating the pair first if there is none. */
    public static PrivateKey privateKey(Path directory) {
        ensure(directory);
        try {
            String pem = Files.readString(directory.resolve(PRIVATE_KEY), StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the private key in " + directory, e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
