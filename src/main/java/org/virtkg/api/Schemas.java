package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema fragments for the OpenAPI description, and the schema of a record derived from its
 * components, so a request body's schema is the record Jackson binds it to, and a response's the
 * record Jackson writes it from ({@link #answer}), not a second copy.
 */
public final class Schemas {
    private Schemas() {}

    public static Map<String, Object> type(String type) {
        return Map.of("type", type);
    }

    public static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    /** The name a record's schema has under components/schemas: {@link Describe#name()}, else its simple name. */
    public static String name(Class<?> type) {
        Describe d = type.getAnnotation(Describe.class);
        return d != null && !d.name().isEmpty() ? d.name() : type.getSimpleName();
    }

    /**
     * The schema of a record: one property per component (its JSON type from the Java type; a
     * nested record by reference, added to {@code components}), closed to other properties as
     * {@link Json#bind} is. A {@link JsonAnySetter} component stands for the properties in
     * {@code anyProperties} (those the record collects by name); {@link JsonIgnore}d ones are left out.
     */
    public static Map<String, Object> of(Class<? extends Record> type, Map<String, Object> anyProperties, Map<String, Object> components) {
        return build(type, anyProperties, Map.of(), components, false);
    }

    /**
     * The schema of a record a response is written from, as Jackson writes it: every component is
     * there (so required), null only where it is declared nullable ({@link Describe#nullable}),
     * except one marked {@code @JsonInclude(NON_NULL)}, absent rather than null (so not required);
     * a {@code @JsonUnwrapped} record's properties are this one's, none required (it may be absent
     * as a whole). Nested records are described the same way, added to {@code components}.
     *
     * <p>{@code beside} adds keywords per component name, for a record that cannot carry
     * {@link Describe} (one of the knowledge layer's, which knows nothing of HTTP): its
     * {@code nullable} entry, when true, is read as {@link Describe#nullable}. A name that is not a
     * component is refused, so renaming a component cannot leave its description behind unnoticed.
     */
    public static Map<String, Object> answer(Class<? extends Record> type, Map<String, Map<String, Object>> beside, Map<String, Object> components) {
        return build(type, Map.of(), beside, components, true);
    }

    private static Map<String, Object> build(Class<? extends Record> type, Map<String, Object> anyProperties,
            Map<String, Map<String, Object>> beside, Map<String, Object> components, boolean answer) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        List<String> names = java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        for (String n : beside.keySet())
            if (!names.contains(n)) throw new IllegalArgumentException(type.getName() + " has no component '" + n + "' (it has " + names + ")");
        for (RecordComponent c : type.getRecordComponents()) {
            if (annotated(type, c, JsonIgnore.class)) continue;
            if (annotated(type, c, JsonAnySetter.class)) {
                props.putAll(anyProperties);
                continue;
            }
            if (answer && annotated(type, c, JsonUnwrapped.class) && c.getType().isRecord()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = answer((Class<? extends Record>) c.getType(), Map.of(), components);
                @SuppressWarnings("unchecked")
                Map<String, Object> innerProps = (Map<String, Object>) inner.get("properties");
                props.putAll(innerProps);
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>(javaType(c.getGenericType(), components, answer));
            Map<String, Object> extra = new LinkedHashMap<>(beside.getOrDefault(c.getName(), Map.of()));
            boolean nullable = Boolean.TRUE.equals(extra.remove("nullable"));
            Describe d = c.getAnnotation(Describe.class);
            if (d != null) {
                if (!d.description().isEmpty()) p.put("description", d.description());
                if (d.allowed().length > 0) p.put("enum", List.of(d.allowed()));
                if (!d.pattern().isEmpty()) p.put("pattern", d.pattern());
                if (!d.format().isEmpty()) p.put("format", d.format());
                if (d.maxItems() >= 0) p.put("maxItems", d.maxItems());
                if (d.required()) required.add(c.getName());
                nullable |= d.nullable();
            }
            p.putAll(extra);
            if (answer) {
                boolean absentWhenNull = included(type, c) == JsonInclude.Include.NON_NULL;
                if (nullable && !absentWhenNull) nullable(p);
                if (!absentWhenNull) required.add(c.getName());
            }
            props.put(c.getName(), p);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        Describe d = type.getAnnotation(Describe.class);
        if (d != null && !d.description().isEmpty()) schema.put("description", d.description());
        schema.put("additionalProperties", false);
        if (!required.isEmpty()) schema.put("required", required);
        schema.put("properties", props);
        return schema;
    }

    /** A property that may also be null: "null" among its types (or, for a reference, one of). */
    @SuppressWarnings("unchecked")
    private static void nullable(Map<String, Object> p) {
        Object t = p.get("type");
        if (t instanceof String s) p.put("type", List.of(s, "null"));
        else if (t == null && p.containsKey("$ref")) {
            Object ref = p.remove("$ref");
            p.put("oneOf", List.of(Map.of("$ref", ref), type("null")));
        }
        if (p.get("enum") instanceof List<?> e && e.stream().noneMatch(java.util.Objects::isNull)) {
            List<Object> withNull = new ArrayList<>(e);
            withNull.add(null);
            p.put("enum", withNull);
        }
    }

    /** A component's {@code @JsonInclude} (on its field or accessor, where javac puts it), or null. */
    private static JsonInclude.Include included(Class<?> type, RecordComponent c) {
        JsonInclude i = c.getAccessor().getAnnotation(JsonInclude.class);
        if (i == null)
            try {
                i = type.getDeclaredField(c.getName()).getAnnotation(JsonInclude.class);
            } catch (NoSuchFieldException e) {
                return null;
            }
        return i == null ? null : i.value();
    }

    /**
     * Whether a component carries a Jackson annotation: those do not target record components, so
     * javac puts them on the component's field, accessor or constructor parameter instead.
     */
    private static boolean annotated(Class<?> type, RecordComponent c, Class<? extends java.lang.annotation.Annotation> a) {
        if (c.isAnnotationPresent(a) || c.getAccessor().isAnnotationPresent(a)) return true;
        try {
            return type.getDeclaredField(c.getName()).isAnnotationPresent(a);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> javaType(Type t, Map<String, Object> components, boolean answer) {
        if (t instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            if (List.class.isAssignableFrom(raw) || java.util.Set.class.isAssignableFrom(raw))
                return Map.of("type", "array", "items", javaType(pt.getActualTypeArguments()[0], components, answer));
            if (Map.class.isAssignableFrom(raw))
                return Map.of("type", "object", "additionalProperties", javaType(pt.getActualTypeArguments()[1], components, answer));
            return type("object");
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class || c.isEnum()) return type("string");
        if (c == boolean.class || c == Boolean.class) return type("boolean");
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) return type("integer");
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) return type("number");
        if (c.isRecord()) {
            String name = name(c);
            if (!components.containsKey(name)) {
                components.put(name, Map.of()); // a placeholder against cycles
                components.put(name, answer ? answer((Class<? extends Record>) c, Map.of(), components)
                        : of((Class<? extends Record>) c, Map.of(), components));
            }
            return ref(name);
        }
        return Map.of(); // any JSON value (e.g. a JsonNode)
    }
}
