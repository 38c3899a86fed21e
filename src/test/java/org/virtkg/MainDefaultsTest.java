package org.virtkg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JVM-wide defaults every command starts with ({@link Main#jvmDefaults}): idle connections to a
 * remote store dropped after 10 s (docs/configuration.md's fixed limits), a command's log at WARN,
 * and a {@code -D} on the command line winning over both.
 */
class MainDefaultsTest {
    private Properties saved;

    @BeforeEach
    void save() {
        saved = (Properties) System.getProperties().clone();
        System.clearProperty(Main.HTTP_CLIENT_KEEPALIVE);
        System.clearProperty(Main.LOG_LEVEL);
    }

    @AfterEach
    void restore() {
        System.setProperties(saved);
    }

    @Test
    void idleStoreConnectionsAreDroppedAfterTenSeconds() {
        Main.jvmDefaults(true);
        assertEquals("10", System.getProperty(Main.HTTP_CLIENT_KEEPALIVE));
        assertEquals(null, System.getProperty(Main.LOG_LEVEL), "the server logs at its own level");
        System.clearProperty(Main.HTTP_CLIENT_KEEPALIVE);
        Main.jvmDefaults(false);
        assertEquals("10", System.getProperty(Main.HTTP_CLIENT_KEEPALIVE));
        assertEquals("warn", System.getProperty(Main.LOG_LEVEL));
    }

    @Test
    void aCommandLinePropertyWins() {
        System.setProperty(Main.HTTP_CLIENT_KEEPALIVE, "3");
        System.setProperty(Main.LOG_LEVEL, "debug");
        Main.jvmDefaults(false);
        assertEquals("3", System.getProperty(Main.HTTP_CLIENT_KEEPALIVE));
        assertEquals("debug", System.getProperty(Main.LOG_LEVEL));
    }
}
