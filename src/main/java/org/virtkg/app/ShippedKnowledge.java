package org.virtkg.app;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.virtkg.store.ShippedData;
import org.virtkg.store.StoreException;

/**
 * Where the knowledge virtkg starts with comes from: the ontology, the data taken from the paper
 * and the named queries ({@code ontology/}, {@code data/}, {@code queries/}).
 *
 * <p>By default, the copies inside the jar: {@code java -jar virtkg.jar serve} serves the same
 * knowledge from any directory, and so does the Docker image. An override directory holding the
 * same three folders replaces them: {@code --knowledge DIR}, or the project directory the launcher
 * names with {@code -Dvirtkg.home} (so edits to the project's files are served without a rebuild).
 * An override without {@code ontology/virtkg.ttl} is an error, never a silently empty service.
 *
 * @param root   the folder holding {@code ontology/}, {@code data/} and {@code queries/}
 * @param origin where it is, in words, for logs and {@code /api/health}
 */
public record ShippedKnowledge(Path root, String origin) {
    /** The folder in the jar that holds the copies (see the resources in pom.xml). */
    public static final String EMBEDDED_ROOT = "virtkg-knowledge";
    /** The one file every knowledge folder must have. */
    public static final String ONTOLOGY_FILE = "ontology/virtkg.ttl";

    public Path ontology() {
        return root.resolve("ontology");
    }

    public Path data() {
        return root.resolve("data");
    }

    public Path queries() {
        return root.resolve("queries");
    }

    /** The shipped graphs of this knowledge, to sync a store with. */
    public ShippedData shippedData(Consumer<String> progress) {
        return new ShippedData(ontology(), data(), progress);
    }

    /** {@code --knowledge DIR} when given; else the launcher's project directory if it holds knowledge; else the jar's copies. */
    public static ShippedKnowledge locate(Path override) {
        if (override != null) return of(override);
        String home = System.getProperty("virtkg.home");
        if (home != null && Files.isRegularFile(Path.of(home).resolve(ONTOLOGY_FILE))) return of(Path.of(home));
        return embedded();
    }

    /** The knowledge in {@code dir}; refuses a folder without the ontology. */
    public static ShippedKnowledge of(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve(ONTOLOGY_FILE)))
            throw new StoreException("No knowledge in " + root + ": it has no " + ONTOLOGY_FILE
                    + " (a knowledge folder holds ontology/, data/ and queries/, like the project's own)");
        return new ShippedKnowledge(root, root.toString());
    }

    /** The copies inside the jar (or, when run from the build's classes, inside target/classes). */
    public static ShippedKnowledge embedded() {
        URL url = ShippedKnowledge.class.getClassLoader().getResource(EMBEDDED_ROOT + "/" + ONTOLOGY_FILE);
        if (url == null)
            throw new StoreException("This build of virtkg carries no knowledge (" + EMBEDDED_ROOT + "/" + ONTOLOGY_FILE
                    + " is missing from the jar); build it with ./mvnw package, or point --knowledge at a folder");
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return new ShippedKnowledge(fs.getPath("/" + EMBEDDED_ROOT), "the copy inside the jar");
            }
            return new ShippedKnowledge(Path.of(uri).getParent().getParent(), "the copy inside the build (" + Path.of(uri).getParent().getParent() + ")");
        } catch (URISyntaxException | IOException e) {
            throw new StoreException("Cannot read the knowledge inside the jar: " + e.getMessage(), e);
        }
    }
}
