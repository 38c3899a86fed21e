package org.virtkg.cli;

import java.nio.file.Path;
import org.virtkg.store.KnowledgeStore;
import org.virtkg.store.TdbKnowledgeStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --db DIR | --mem}: which store a command works on. */
final class StoreOptions {
    @ArgGroup(exclusive = true)
    Choice choice = new Choice();

    static final class Choice {
        @Option(names = "--db", paramLabel = "DIR",
                description = "TDB2 database directory (default: var/tdb2 in the project directory).")
        Path db;

        @Option(names = "--mem", description = "Use an in-memory store; nothing is kept after exit.")
        boolean mem;
    }

    KnowledgeStore open() {
        if (choice != null && choice.mem) return TdbKnowledgeStore.inMemory();
        Path db = choice != null && choice.db != null ? choice.db : Home.defaultDb();
        return TdbKnowledgeStore.open(db);
    }
}
