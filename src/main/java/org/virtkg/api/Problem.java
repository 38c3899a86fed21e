package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;

/**
 * An RFC 9457 problem-details body. Extension members (e.g. {@code suggestions}, {@code report})
 * go into {@link #extensions()} and are written at the top level.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The Content-Type every problem is sent with: details may hold any character. */
    public static final String CONTENT_TYPE = MEDIA_TYPE + ";charset=utf-8";

    public static Problem of(int status, String detail) {
        String reason = HttpStatus.getMessage(status);
        return new Problem("about:blank", reason == null ? "Error" : reason, status, detail, null, new LinkedHashMap<>());
    }

    public Problem with(String key, Object value) {
        Map<String, Object> ext = new LinkedHashMap<>(extensions);
        ext.put(key, value);
        return new Problem(type, title, status, detail, instance, ext);
    }

    public Problem at(String instance) {
        return new Problem(type, title, status, detail, instance, extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> anyGetter() {
        return extensions;
    }

    public String toJson() {
        return Json.write(this);
    }
}
