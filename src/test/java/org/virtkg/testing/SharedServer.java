package org.virtkg.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects a {@link TestServer} that lives for the whole test JVM and is shared by every class
 * asking for the same {@link Config}: starting a server over the shipped data costs seconds
 * (syncing and reasoning over some 25,000 triples), and dozens of classes only read it.
 *
 * <pre>
 *   &#64;BeforeAll
 *   static void start(&#64;SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
 *       base = shared.base();
 *   }
 * </pre>
 * The class must not close it; {@link SharedServerExtension} closes it when the run ends. A class
 * that needs a server no other class may see (different limits, a store it breaks on purpose,
 * writes that others' exact answers would notice) keeps starting its own with {@link TestServer}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SharedServerExtension.class)
public @interface SharedServer {
    Config value();

    /** The configurations servers are shared by. */
    enum Config {
        /**
         * The shipped ontology, data and query library with no tokens at all, so nobody can write
         * (every write is refused): whatever ran before, every class sees exactly the shipped
         * knowledge, and may assert exact counts and lists.
         */
        SHIPPED_READ_ONLY,
        /**
         * The shipped knowledge with the {@link Fixtures#ADMIN admin} and {@link Fixtures#EDITOR
         * editor} tokens. Classes that share it write only resources with ids no other class uses,
         * remove what they add where they can, and assert only on their own resources (or on
         * facts no write of another class can change), so that the order classes run in never
         * matters.
         */
        SHIPPED_WRITABLE
    }
}
