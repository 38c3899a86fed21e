package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.jetty.http.HttpStatus;
import org.virtkg.kb.WriteRejectedException;

/**
 * An RFC 9457 problem-details body: the standard members, then the extension members (RFC 9457
 * §3.2) some refusals add, each absent unless one sets it. Every member a problem can have is a
 * component, so the OpenAPI schema generated from the record ({@link Schemas#answer}) declares
 * them all and no other; a refusal that needs a new member adds a component here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(@Describe(required = true) String type, @Describe(required = true) String title, int status,
        @Describe(required = true) String detail, String instance,
        @Describe(description = "What kind of refusal: of a write, shacl, contradiction, conflict, precondition, forbidden...; "
                + "store-unavailable when the store could not take part") String kind,
        @Describe(description = "Why a write was refused, one entry per finding: a shape's violation, an inconsistency, an unknown id "
                + "(with suggestions), or a graph still naming what a delete would remove")
        List<WriteRejectedException.Finding> report,
        @Describe(description = "The query parameter (or selection requirement) at fault") String parameter,
        @Describe(description = "The body's field at fault (with its path, e.g. claims[1].object)") String field,
        @Describe(description = "Every unknown name sent (query parameters, or fields with their paths)") List<String> unknown,
        @Describe(description = "The names that are taken there") List<String> accepted,
        @Describe(description = "For an unknown id or name: the nearest known ones") List<String> suggestions,
        @Describe(description = "For an unknown release: the imported ones") List<String> releases,
        @Describe(description = "The view a product was asked in, when that view does not know it") String view,
        @Describe(description = "For a taken id: the IRI of the resource that has it") String existing,
        @Describe(description = "The line of the body at fault") Integer line,
        @Describe(allowed = "unknown", description = "For a triple the knowledge base neither states nor entails: unknown "
                + "(open world), not false") String truth) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The Content-Type every problem is sent with: details may hold any character. */
    public static final String CONTENT_TYPE = MEDIA_TYPE + ";charset=utf-8";

    public static Problem of(int status, String detail) {
        String reason = HttpStatus.getMessage(status);
        return new Problem("about:blank", reason == null ? "Error" : reason, status, detail, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public Problem at(String instance) {
        return with(d -> d.instance = instance);
    }

    public Problem withKind(String kind) {
        return with(d -> d.kind = kind);
    }

    public Problem withReport(List<? extends WriteRejectedException.Finding> report) {
        return with(d -> d.report = List.copyOf(report));
    }

    public Problem withParameter(String parameter) {
        return with(d -> d.parameter = parameter);
    }

    public Problem withField(String field) {
        return with(d -> d.field = field);
    }

    /** The unknown names, and those taken there (a refusal of {@link UnknownNames}). */
    public Problem withUnknown(List<String> unknown, List<String> accepted) {
        return with(d -> {
            d.unknown = List.copyOf(unknown);
            d.accepted = List.copyOf(accepted);
        });
    }

    public Problem withSuggestions(List<String> suggestions) {
        return with(d -> d.suggestions = List.copyOf(suggestions));
    }

    public Problem withReleases(List<String> releases) {
        return with(d -> d.releases = List.copyOf(releases));
    }

    public Problem withView(String view) {
        return with(d -> d.view = view);
    }

    public Problem withExisting(String existing) {
        return with(d -> d.existing = existing);
    }

    public Problem withLine(int line) {
        return with(d -> d.line = line);
    }

    public Problem withTruth(String truth) {
        return with(d -> d.truth = truth);
    }

    public String toJson() {
        return Json.write(this);
    }

    /** This problem with some members set anew ({@code change} sets them on a copy of every member). */
    private Problem with(java.util.function.Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new Problem(type, title, status, detail, d.instance, d.kind, d.report, d.parameter, d.field, d.unknown, d.accepted,
                d.suggestions, d.releases, d.view, d.existing, d.line, d.truth);
    }

    /** The members a problem may have set anew, copied from one. */
    private static final class Draft {
        String instance, kind, parameter, field, view, existing, truth;
        List<WriteRejectedException.Finding> report;
        List<String> unknown, accepted, suggestions, releases;
        Integer line;

        Draft(Problem p) {
            instance = p.instance;
            kind = p.kind;
            report = p.report;
            parameter = p.parameter;
            field = p.field;
            unknown = p.unknown;
            accepted = p.accepted;
            suggestions = p.suggestions;
            releases = p.releases;
            view = p.view;
            existing = p.existing;
            line = p.line;
            truth = p.truth;
        }
    }
}
