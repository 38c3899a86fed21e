package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema fragments for the OpenAPI description, and the schema of a record derived from its
 * components, so a request body's schema is the record Jackson binds it to, not a second copy.
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
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (annotated(type, c, JsonIgnore.class)) continue;
            if (annotated(type, c, JsonAnySetter.class)) {
                props.putAll(anyProperties);
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>(javaType(c.getGenericType(), components));
            Describe d = c.getAnnotation(Describe.class);
            if (d != null) {
                if (!d.description().isEmpty()) p.put("description", d.description());
                if (d.allowed().length > 0) p.put("enum", List.of(d.allowed()));
                if (!d.pattern().isEmpty()) p.put("pattern", d.pattern());
                if (!d.format().isEmpty()) p.put("format", d.format());
                if (d.maxItems() >= 0) p.put("maxItems", d.maxItems());
                if (d.required()) required.add(c.getName());
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
    private static Map<String, Object> javaType(Type t, Map<String, Object> components) {
        if (t instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            if (List.class.isAssignableFrom(raw) || java.util.Set.class.isAssignableFrom(raw))
                return Map.of("type", "array", "items", javaType(pt.getActualTypeArguments()[0], components));
            if (Map.class.isAssignableFrom(raw))
                return Map.of("type", "object", "additionalProperties", javaType(pt.getActualTypeArguments()[1], components));
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
                components.put(name, of((Class<? extends Record>) c, Map.of(), components));
            }
            return ref(name);
        }
        return Map.of(); // any JSON value (e.g. a JsonNode)
    }
}
