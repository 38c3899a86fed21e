package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
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
 * record Jackson writes it from ({@link #answer}), not a second copy. Jackson's annotations are read
 * where Jackson reads them: on the component, or on the mix-in {@link Json#MAPPER} gives a record
 * that cannot carry them itself (one of the knowledge layer's, which knows nothing of JSON).
 */
public final class Schemas {
    private Schemas() {}

    public static Map<String, Object> type(String type) {
        return Map.of("type", type);
    }

    public static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    /**
     * The name a record's schema has under components/schemas: {@link Describe#name()} (on the
     * record, or on its mix-in), else its simple name.
     */
    public static String name(Class<?> type) {
        Describe d = described(type);
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
     * except one marked {@code @JsonInclude(NON_NULL)} (itself, or its whole record), absent rather
     * than null (so not required, unless {@link Describe#required} says it always has a value);
     * a {@code @JsonUnwrapped} record's properties are this one's, none required (it may be absent
     * as a whole) unless its {@link Describe#required} says it never is: then those its own schema
     * requires. Nested records are described the same way, added to {@code components}; a value
     * of a sealed interface is one of the records it permits ({@code oneOf}).
     *
     * <p>{@code beside} adds keywords per component name, for a record that cannot carry
     * {@link Describe} (one of the knowledge layer's, which knows nothing of HTTP): its
     * {@code nullable} entry, when true, is read as {@link Describe#nullable}. A name that is not a
     * component is refused, so renaming a component cannot leave its description behind unnoticed.
     */
    public static Map<String, Object> answer(Class<? extends Record> type, Map<String, Map<String, Object>> beside, Map<String, Object> components) {
        return answer(type, Map.of(), beside, components);
    }

    /**
     * {@link #answer(Class, Map, Map)} of a record with a {@link JsonAnyGetter} component, a map
     * whose entries Jackson writes as members of their own, where the component stands:
     * {@code anyMembers} names them, in order, each with keywords (e.g. its description) beside
     * the type of the map's values. Each is required: the record's map has every one, unless the
     * component is {@code @JsonInclude(NON_EMPTY)}: then the map holds only those with a value.
     * With no {@code anyMembers}, the map's keys are data (property ids, say): the record is open
     * to members of the map's value type, or of the schema {@code beside} gives for the component.
     */
    public static Map<String, Object> answer(Class<? extends Record> type, Map<String, Map<String, Object>> anyMembers,
            Map<String, Map<String, Object>> beside, Map<String, Object> components) {
        return build(type, new LinkedHashMap<String, Object>(anyMembers), beside, components, true);
    }

    /** The name of the schema of a page ({@link Http.Envelope}) of {@code item}s under components/schemas. */
    public static String pageName(Class<? extends Record> item) {
        return name(item) + "Page";
    }

    /**
     * The schema of a page ({@link Http.Envelope}) of {@code item}s: the envelope's, its items each
     * {@code item}'s (added to {@code components}), which the generic record cannot say itself.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> page(Class<? extends Record> item, Map<String, Object> components) {
        Map<String, Object> schema = new LinkedHashMap<>(answer(Http.Envelope.class, Map.of(), components));
        Map<String, Object> props = new LinkedHashMap<>((Map<String, Object>) schema.get("properties"));
        Map<String, Object> items = new LinkedHashMap<>((Map<String, Object>) props.get("items"));
        items.put("items", javaType(item, components, true));
        props.put("items", items);
        schema.put("description", "A page of " + name(item) + " items");
        schema.put("properties", props);
        return schema;
    }

    /**
     * {@code anyProperties}: for a request record, the schemas of the properties its
     * {@link JsonAnySetter} component collects; for an answer, the keywords of the members its
     * {@link JsonAnyGetter} component writes (their type is the map's value type).
     */
    private static Map<String, Object> build(Class<? extends Record> type, Map<String, Object> anyProperties,
            Map<String, Map<String, Object>> beside, Map<String, Object> components, boolean answer) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        List<String> names = java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        for (String n : beside.keySet())
            if (!names.contains(n)) throw new IllegalArgumentException(type.getName() + " has no component '" + n + "' (it has " + names + ")");
        boolean anyWritten = false;
        Map<String, Object> anyValues = null;
        for (RecordComponent c : type.getRecordComponents()) {
            if (annotated(type, c, JsonIgnore.class)) continue;
            if (annotated(type, c, JsonAnySetter.class)) {
                props.putAll(anyProperties);
                continue;
            }
            if (answer && annotated(type, c, JsonAnyGetter.class) && c.getGenericType() instanceof ParameterizedType map) {
                Map<String, Object> valueType = javaType(map.getActualTypeArguments()[1], components, true);
                if (anyProperties.isEmpty()) {
                    // Its keys are data (property ids, say): the record is open to members of the map's values' schema,
                    // or of the one beside gives for the component, when the Java type does not say it.
                    Map<String, Object> others = new LinkedHashMap<>(valueType);
                    others.putAll(beside.getOrDefault(c.getName(), Map.of()));
                    anyValues = others;
                    continue;
                }
                // A map that holds only the members with values (NON_EMPTY) requires none of them.
                boolean every = included(type, c) != JsonInclude.Include.NON_EMPTY;
                for (var member : anyProperties.entrySet()) {
                    Map<String, Object> p = new LinkedHashMap<>(valueType);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> keywords = (Map<String, Object>) member.getValue();
                    p.putAll(keywords);
                    props.put(member.getKey(), p);
                    if (every) required.add(member.getKey());
                }
                anyWritten = true;
                continue;
            }
            if (answer && annotated(type, c, JsonUnwrapped.class) && c.getType().isRecord()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = answer((Class<? extends Record>) c.getType(), Map.of(), components);
                @SuppressWarnings("unchecked")
                Map<String, Object> innerProps = (Map<String, Object>) inner.get("properties");
                props.putAll(innerProps);
                // Never null (its Describe says required): its members are there as its own schema says.
                Describe always = annotation(type, c, Describe.class);
                if (always != null && always.required() && inner.get("required") instanceof List<?> innerRequired)
                    for (Object n : innerRequired) required.add((String) n);
                continue;
            }
            String name = jsonName(type, c);
            Map<String, Object> p = new LinkedHashMap<>(javaType(c.getGenericType(), components, answer));
            Map<String, Object> extra = new LinkedHashMap<>(beside.getOrDefault(c.getName(), Map.of()));
            boolean nullable = Boolean.TRUE.equals(extra.remove("nullable"));
            Describe d = annotation(type, c, Describe.class);
            if (d != null) {
                if (d.types().length > 0) p.put("type", d.types().length == 1 ? d.types()[0] : List.of(d.types()));
                if (!d.description().isEmpty()) p.put("description", d.description());
                if (d.allowed().length > 0) p.put("enum", List.of(d.allowed()));
                if (!d.pattern().isEmpty()) p.put("pattern", d.pattern());
                if (!d.format().isEmpty()) p.put("format", d.format());
                if (d.maxItems() >= 0) p.put("maxItems", d.maxItems());
                if (d.required()) required.add(name);
                nullable |= d.nullable();
            }
            p.putAll(extra);
            if (answer) {
                // A primitive is never null, so never left out.
                boolean absentWhenNull = included(type, c) == JsonInclude.Include.NON_NULL && !c.getType().isPrimitive();
                if (nullable && !absentWhenNull) nullable(p);
                if (!absentWhenNull && !required.contains(name)) required.add(name);
            }
            props.put(name, p);
        }
        if (answer && !anyProperties.isEmpty() && !anyWritten)
            throw new IllegalArgumentException(type.getName() + " has no @JsonAnyGetter map for the members " + anyProperties.keySet());
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        Describe d = described(type);
        if (d != null && !d.description().isEmpty()) schema.put("description", d.description());
        schema.put("additionalProperties", anyValues == null ? false : anyValues);
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

    /** A record's {@link Describe}, else its mix-in's (a knowledge-layer record's), or null. */
    private static Describe described(Class<?> type) {
        Describe d = type.getAnnotation(Describe.class);
        Class<?> mixIn = Json.MAPPER.findMixInClassFor(type);
        return d == null && mixIn != null ? mixIn.getAnnotation(Describe.class) : d;
    }

    /** A component's {@code @JsonInclude}, else its record's (or its mix-in's), or null. */
    private static JsonInclude.Include included(Class<?> type, RecordComponent c) {
        JsonInclude i = annotation(type, c, JsonInclude.class);
        if (i == null) i = type.getAnnotation(JsonInclude.class);
        Class<?> mixIn = Json.MAPPER.findMixInClassFor(type);
        if (i == null && mixIn != null) i = mixIn.getAnnotation(JsonInclude.class);
        return i == null ? null : i.value();
    }

    /** The member name Jackson writes a component as: its {@code @JsonProperty} name, else the component's. */
    private static String jsonName(Class<?> type, RecordComponent c) {
        JsonProperty p = annotation(type, c, JsonProperty.class);
        return p == null || p.value().isEmpty() ? c.getName() : p.value();
    }

    private static boolean annotated(Class<?> type, RecordComponent c, Class<? extends Annotation> a) {
        return annotation(type, c, a) != null;
    }

    /**
     * A Jackson annotation (or {@link Describe}) of a component: Jackson's do not target record
     * components, so javac puts them on the component's field, accessor or constructor parameter
     * instead; or on the accessor's namesake in the record's mix-in ({@link Json#MAPPER}).
     */
    private static <A extends Annotation> A annotation(Class<?> type, RecordComponent c, Class<A> a) {
        A found = c.getAnnotation(a);
        if (found == null) found = c.getAccessor().getAnnotation(a);
        if (found == null)
            try {
                found = type.getDeclaredField(c.getName()).getAnnotation(a);
            } catch (NoSuchFieldException e) {
                // a component always has its field; nothing to read otherwise
            }
        Class<?> mixIn = Json.MAPPER.findMixInClassFor(type);
        if (found == null && mixIn != null)
            for (Method m : mixIn.getDeclaredMethods())
                if (m.getName().equals(c.getName()) && m.getParameterCount() == 0) found = m.getAnnotation(a);
        return found;
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
        // List<?> or a type parameter: any JSON value (the record does not say which).
        if (!(t instanceof Class<?> c)) return Map.of();
        if (c == String.class || c.isEnum()) return type("string");
        if (c == boolean.class || c == Boolean.class) return type("boolean");
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) return type("integer");
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) return type("number");
        // One of the records it permits (an answer's list of findings, of cited sources): Jackson writes each as itself.
        if (c.isInterface() && c.isSealed())
            return Map.of("oneOf", java.util.Arrays.stream(c.getPermittedSubclasses()).map(r -> javaType(r, components, answer)).toList());
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
