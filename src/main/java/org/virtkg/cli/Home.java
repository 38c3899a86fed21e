package org.virtkg.cli;

import java.nio.file.Path;

/**
 * The project directory: where {@code ontology/}, {@code data/} and {@code var/} are found. The
 * launcher passes it as {@code -Dvirtkg.home}; without it, the working directory.
 */
final class Home {
    private Home() {}

    static Path dir() {
        return Path.of(System.getProperty("virtkg.home", ".")).toAbsolutePath().normalize();
    }

    static Path defaultDb() {
        return dir().resolve("var").resolve("tdb2");
    }
}
