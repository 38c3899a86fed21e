package org.virtkg.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtkg.testing.Fixtures;

/**
 * The tokens file as docs/security.md documents it (and README points to): its example, written to
 * a file and given to {@code serve --tokens}, grants the roles it says; the environment wins over
 * it; a blank token grants nothing; a file that cannot be read is an error naming it.
 */
class TokensFileDocTest {
    @TempDir
    Path tmp;

    /** The example tokens file: the {@code properties} block of docs/security.md's "Tokens file" section. */
    static String documentedExample() throws Exception {
        String md = Files.readString(Fixtures.projectDir().resolve("docs/security.md"));
        Matcher m = Pattern.compile("(?s)\\n### Tokens file\\n.*?```properties\\n(.*?)```").matcher(md);
        assertTrue(m.find(), "docs/security.md has a 'Tokens file' section with a properties example");
        return m.group(1);
    }

    @Test
    void theDocumentedExampleGrantsTheRolesItNames() throws Exception {
        String example = documentedExample();
        Properties said = new Properties();
        said.load(new StringReader(example));
        String admin = said.getProperty("admin"), editor = said.getProperty("editor");
        assertTrue(admin != null && editor != null && !admin.equals(editor), example);
        Path file = tmp.resolve("tokens.properties");
        Files.writeString(file, example);

        AccessTokens tokens = AccessTokens.fromEnvironment(Map.of(), file);
        assertEquals(Optional.of(Role.ADMIN), tokens.roleOf(admin));
        assertEquals(Optional.of(Role.EDITOR), tokens.roleOf(editor));
        assertEquals(Optional.empty(), tokens.roleOf("something-else"));

        // The environment wins over the file, role by role.
        AccessTokens env = AccessTokens.fromEnvironment(Map.of("VIRTKG_ADMIN_TOKEN", "from-the-environment"), file);
        assertEquals(Optional.of(Role.ADMIN), env.roleOf("from-the-environment"));
        assertEquals(Optional.empty(), env.roleOf(admin));
        assertEquals(Optional.of(Role.EDITOR), env.roleOf(editor));

        // A role whose token is blank (or absent) is held by nobody: writes off, never open.
        Path editorOnly = tmp.resolve("editor-only.properties");
        Files.writeString(editorOnly, "admin=\neditor=" + editor + "\n");
        AccessTokens partial = AccessTokens.fromEnvironment(Map.of(), editorOnly);
        assertEquals(Optional.empty(), partial.roleOf(""));
        assertEquals(Optional.of(Role.EDITOR), partial.roleOf(editor));
        assertFalse(AccessTokens.fromEnvironment(Map.of(), tmp.resolve("editor-only.properties")).roleOf(admin).isPresent());

        var missing = assertThrows(IllegalArgumentException.class, () -> AccessTokens.fromEnvironment(Map.of(), tmp.resolve("nope")));
        assertEquals("Cannot read the token file " + tmp.resolve("nope") + ": there is no such file", missing.getMessage());
        Path latin1 = tmp.resolve("latin1.properties");
        Files.write(latin1, "admin=caf\u00e9".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals("Cannot read the token file " + latin1 + ": it is not UTF-8 text",
                assertThrows(IllegalArgumentException.class, () -> AccessTokens.fromEnvironment(Map.of(), latin1)).getMessage());
    }

    /** serve with a tokens file it cannot read stops at once, saying which file and why: one line, no stack trace. */
    @Test
    void serveStopsOnATokensFileItCannotRead() {
        java.io.StringWriter err = new java.io.StringWriter();
        var cmd = org.virtkg.Main.commandLine();
        cmd.setErr(new java.io.PrintWriter(err, true));
        int code = cmd.execute("serve", "--mem", "--port", "0", "--tokens", tmp.resolve("nope").toString());
        assertEquals(1, code, err.toString());
        assertEquals("virtkg: Cannot read the token file " + tmp.resolve("nope") + ": there is no such file", err.toString().strip());
    }

    /** docs/security.md: a key other than admin and editor (a typo, 'Admin=') is refused, naming it; it gave a role to nobody without a word. */
    @Test
    void aKeyThatIsNotReadIsRefusedNamingIt() throws Exception {
        Path typo = tmp.resolve("typo.properties");
        Files.writeString(typo, "# tokens\nAdmin=3f9c1e0b7a5d4c2e8f6a9b1c0d2e4f68\neditor=a7b2c9d4e1f0a3b5c8d6e2f4a1b9c0d7\n");
        var refused = assertThrows(IllegalArgumentException.class, () -> AccessTokens.fromEnvironment(Map.of(), typo));
        assertEquals("The token file " + typo + " has a key virtkg does not read, 'Admin': only 'admin' and 'editor' are "
                + "(a misspelt key would leave its role without a token)", refused.getMessage());
        java.io.StringWriter err = new java.io.StringWriter();
        var cmd = org.virtkg.Main.commandLine();
        cmd.setErr(new java.io.PrintWriter(err, true));
        assertEquals(1, cmd.execute("serve", "--mem", "--port", "0", "--tokens", typo.toString()), err.toString());
        assertEquals("virtkg: " + refused.getMessage(), err.toString().strip());
    }

    @Test
    void readmeSaysTheFormatWhereItIntroducesTokensAndPointsToTheDoc() throws Exception {
        String readme = Files.readString(Fixtures.projectDir().resolve("README.md"));
        Matcher line = Pattern.compile("(?m)^.*--tokens FILE.*admin=.*editor=.*$").matcher(readme);
        assertTrue(line.find(), "README introduces --tokens FILE with its admin=… / editor=… lines");
        assertTrue(readme.contains("docs/security.md#tokens-file"), "and points to the section");
        documentedExample();
    }
}
