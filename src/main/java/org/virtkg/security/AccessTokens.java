package org.virtkg.security;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The bearer tokens that grant roles.
 *
 * <p>Tokens come from the environment ({@code VIRTKG_ADMIN_TOKEN}, {@code VIRTKG_EDITOR_TOKEN})
 * or a properties file ({@code admin=…}, {@code editor=…}); the environment wins. With no token
 * configured for a role, nobody has that role: writes are disabled, never open. Only SHA-256
 * digests are kept, and they are compared in constant time.
 */
public final class AccessTokens {
    private final byte[] adminDigest;
    private final byte[] editorDigest;

    private AccessTokens(String admin, String editor) {
        this.adminDigest = digestOrNull(admin);
        this.editorDigest = digestOrNull(editor);
    }

    public static AccessTokens of(String admin, String editor) {
        return new AccessTokens(admin, editor);
    }

    public static AccessTokens none() {
        return new AccessTokens(null, null);
    }

    /** A tokens file that cannot be read, or has a key virtkg does not read: the user's to fix, so said in one line (which file, why), not as a stack trace. */
    public static final class UnreadableFile extends IllegalArgumentException {
        UnreadableFile(Path file, IOException cause) {
            super("Cannot read the token file " + file + ": " + why(cause), cause);
        }

        UnreadableFile(Path file, String unknownKey) {
            super("The token file " + file + " has a key virtkg does not read, '" + unknownKey + "': only 'admin' and 'editor' are "
                    + "(a misspelt key would leave its role without a token)");
        }

        /** The JDK's message of a missing file is the file's name alone: say what it means. */
        private static String why(IOException e) {
            if (e instanceof java.nio.file.NoSuchFileException) return "there is no such file";
            if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
            if (e instanceof java.nio.charset.CharacterCodingException) return "it is not UTF-8 text";
            return String.valueOf(e.getMessage());
        }
    }

    /** Reads tokens from the environment, falling back to {@code file} when given (docs/security.md, "Tokens file"). */
    public static AccessTokens fromEnvironment(Map<String, String> env, Path file) {
        Properties props = new Properties();
        if (file != null) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException e) {
                throw new UnreadableFile(file, e);
            }
        }
        // A misspelt key ("Admin", "editors") would leave its role with no token and writes off, without a word.
        for (String key : new java.util.TreeSet<>(props.stringPropertyNames()))
            if (!key.equals("admin") && !key.equals("editor")) throw new UnreadableFile(file, key);
        String admin = firstNonBlank(env.get("VIRTKG_ADMIN_TOKEN"), props.getProperty("admin"));
        String editor = firstNonBlank(env.get("VIRTKG_EDITOR_TOKEN"), props.getProperty("editor"));
        return new AccessTokens(admin, editor);
    }

    public boolean writesEnabled() {
        return adminDigest != null || editorDigest != null;
    }

    /** The role a presented token grants, if any. Checks every configured token to keep timing flat. */
    public Optional<Role> roleOf(String token) {
        if (token == null || token.isEmpty()) return Optional.empty();
        byte[] d = digest(token);
        boolean admin = adminDigest != null && MessageDigest.isEqual(d, adminDigest);
        boolean editor = editorDigest != null && MessageDigest.isEqual(d, editorDigest);
        if (admin) return Optional.of(Role.ADMIN);
        if (editor) return Optional.of(Role.EDITOR);
        return Optional.empty();
    }

    /** The token in an {@code Authorization: Bearer …} header value, or {@code null}. */
    public static String bearer(String authorizationHeader) {
        if (authorizationHeader == null) return null;
        String h = authorizationHeader.trim();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        return h.substring(7).trim();
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) return a.trim();
        if (b != null && !b.isBlank()) return b.trim();
        return null;
    }

    private static byte[] digestOrNull(String token) {
        return token == null || token.isBlank() ? null : digest(token);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
