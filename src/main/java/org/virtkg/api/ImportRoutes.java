package org.virtkg.api;

import io.javalin.http.Context;
import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.virtkg.imports.NovaMatrix;
import org.virtkg.imports.NovaMatrixImport;
import org.virtkg.kb.AsOf;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.security.Role;

/**
 * {@code POST /api/imports/nova-matrix?release=&source=[&commit=][&date=]} (admin): the body is one
 * release's {@code support-matrix.ini} as text; the same import as {@code virtkg import nova-matrix},
 * one change of kind {@code import}. The server never fetches {@code source}: it is recorded.
 */
public final class ImportRoutes {
    private final KnowledgeBase kb;
    private final Auth auth;
    private final BodyLimit limit;

    /** Imports of bodies within {@code upload} ({@code max-upload}) and {@link #bodyLimit}'s bound on a matrix file. */
    public ImportRoutes(KnowledgeBase kb, Auth auth, BodyLimit upload) {
        this.kb = kb;
        this.auth = auth;
        this.limit = bodyLimit(upload);
    }

    /** The limit of an import's body: {@code upload}, or the size of a matrix file when that is lower (as it is by default). */
    public static BodyLimit bodyLimit(BodyLimit upload) {
        return upload.lower(BodyLimit.fixed(NovaMatrix.MAX_FILE_BYTES, "a Nova support matrix is far smaller (Nova's own is about "
                + "60 KB), so this bound is fixed; max-upload can only lower it"));
    }

    public void novaMatrix(Context ctx) {
        Role role = auth.require(ctx, Role.ADMIN);
        String type = ctx.contentType();
        if (type == null || !type.split(";")[0].trim().equalsIgnoreCase("text/plain"))
            throw ProblemException.of(415, "Send the support-matrix.ini as text/plain (got " + (type == null ? "no Content-Type" : type) + ")");
        NovaMatrixImport.Release release;
        try {
            String date = ctx.queryParam("date");
            release = new NovaMatrixImport.Release(ctx.queryParam("release"), ctx.queryParam("source"), ctx.queryParam("commit"),
                    date == null ? null : LocalDate.parse(date));
        } catch (NovaMatrixImport.DateAfterToday e) {
            throw new ProblemException(Problem.of(400, "Query parameter 'date' " + e.date() + " " + AsOf.AFTER_TODAY
                    + "; nothing was changed").withParameter("date"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.of(400, "Query parameter: " + e.getMessage());
        } catch (DateTimeParseException e) {
            throw ProblemException.of(400, "Query parameter date must be YYYY-MM-DD, got '" + ctx.queryParam("date") + "'");
        }
        String text;
        try {
            text = NovaMatrix.utf8(RdfBodies.read(ctx, limit));
        } catch (CharacterCodingException e) {
            throw ProblemException.of(400, "The body is not UTF-8 text; nothing was changed");
        }
        NovaMatrixImport conversion;
        try {
            conversion = new NovaMatrixImport(NovaMatrix.parse(text), release);
        } catch (NovaMatrix.FormatException e) {
            Problem p = Problem.of(400, "The body is not a Nova support matrix, nothing was changed: " + e.getMessage());
            throw new ProblemException(e.line() > 0 ? p.withLine(e.line()) : p);
        }
        NovaMatrixImport.Result r;
        try {
            r = conversion.apply(kb, role.actor());
        } catch (NovaMatrixImport.ShippedReleaseException e) {
            throw new ProblemException(Problem.of(409, "Nothing was changed: " + e.getMessage()).withParameter("release"));
        }
        ctx.json(new Imported(r.release(), r.graph(), r.changed(), r.changed() ? r.changeId() : null, r.drivers(), r.features(), r.values(),
                r.unmappedDrivers(), r.warnings()));
    }

    /** The answer of {@code POST /api/imports/nova-matrix} (its schema in /openapi.json is generated from it). */
    @Describe(name = "NovaMatrixImported", description = "What was imported, and whether anything changed")
    public record Imported(String release,
            @Describe(description = "The release's graph, source/nova/{release}") String graph,
            @Describe(description = "false when the same file was imported before: nothing changed") boolean changed,
            @Describe(nullable = true, description = "The change's id, or null when nothing changed") Long change,
            @Describe(description = "Drivers mapped to a technology") int drivers, int features,
            @Describe(description = "Driver x feature values read") int values,
            @Describe(description = "Drivers of the file no technology is known for") List<String> unmappedDrivers,
            @Describe(description = "What was read but not understood, each naming its line") List<String> warnings) {}
}
