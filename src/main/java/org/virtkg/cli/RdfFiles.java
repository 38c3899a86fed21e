package org.virtkg.cli;

import java.nio.file.Path;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

/**
 * RDF files named on the command line: their syntax is told by their name, the same way for every
 * command that reads them ({@code load}, {@code reason}), and a name that does not tell it is said
 * in one sentence, with the extensions that do.
 */
final class RdfFiles {
    /** The extensions a message names (each a syntax {@link RDFLanguages} knows by it; CliTest checks them). */
    static final String EXTENSIONS = ".ttl, .nt, .nq, .trig, .rdf or .owl (RDF/XML), .jsonld; optionally followed by .gz";

    private RdfFiles() {}

    /** The syntax {@code file}'s name tells (a compression suffix such as .gz set aside), or null. */
    static Lang syntax(Path file) {
        Path name = file.getFileName();
        return name == null ? null : RDFLanguages.filenameToLang(name.toString());
    }

    /** What a command says of a file whose name tells no syntax (Jena would say "Failed to determine the content type for file:///…"). */
    static String unknownSyntax(Path file) {
        return "cannot tell the RDF syntax of " + file + " from its name; name the file with one of the extensions " + EXTENSIONS;
    }
}
