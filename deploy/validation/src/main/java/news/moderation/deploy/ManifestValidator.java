package news.moderation.deploy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Validates rendered Kubernetes manifests offline, so that a misspelt or misplaced field fails instead of being
 * silently dropped by the API server.
 * <ul>
 * <li>Built-in kinds: deserialised into the typed fabric8 Kubernetes model. Type errors fail there; unknown fields
 * are kept in each object's {@code additionalProperties}, so every object of the result is walked and any non-empty
 * such map is an error.</li>
 * <li>Custom resources: validated against the {@code openAPIV3Schema} of their CustomResourceDefinition (given with
 * {@code --crd}). OpenAPI schemas leave {@code additionalProperties} unset, which JSON Schema reads as "anything
 * goes"; Kubernetes instead prunes unknown fields. So every object schema that lists {@code properties} is closed
 * ({@code additionalProperties: false}) before validating, except where the CRD itself allows more
 * ({@code x-kubernetes-preserve-unknown-fields} or an explicit {@code additionalProperties}).</li>
 * <li>Any other kind is an error: there is no schema to check it against.</li>
 * </ul>
 * Usage: {@code ManifestValidator [--crd CRD.yaml]... MANIFESTS.yaml...}; exit status 1 on any problem.
 */
public final class ManifestValidator {

    private static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    /** JSON schemas of custom resources, by "apiVersion kind". */
    private final Map<String, JsonSchema> customResources = new HashMap<>();

    public static void main(String[] args) throws IOException {
        ManifestValidator validator = new ManifestValidator();
        List<Path> manifests = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--crd")) {
                validator.addCustomResourceDefinition(Path.of(args[++i]));
            } else {
                manifests.add(Path.of(args[i]));
            }
        }
        int objects = 0;
        List<String> problems = new ArrayList<>();
        for (Path file : manifests) {
            for (JsonNode object : YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class).readAll()) {
                if (object == null || object.isEmpty()) {
                    continue; // an empty document between two "---"
                }
                objects++;
                String name = file.getFileName() + ": " + object.path("kind").asText("?") + "/"
                        + object.path("metadata").path("name").asText("?");
                validator.validate(object).forEach(problem -> problems.add(name + ": " + problem));
            }
        }
        problems.forEach(System.out::println);
        System.out.printf("manifests: %d objects checked, %d problems%n", objects, problems.size());
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    void addCustomResourceDefinition(Path crdFile) throws IOException {
        JsonNode crd = YAML.readTree(crdFile.toFile());
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        for (JsonNode version : crd.path("spec").path("versions")) {
            JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
            closeObjects(schema);
            customResources.put(group + "/" + version.path("name").asText() + " " + kind, factory.getSchema(schema));
        }
    }

    List<String> validate(JsonNode object) {
        String type = object.path("apiVersion").asText() + " " + object.path("kind").asText();
        JsonSchema schema = customResources.get(type);
        if (schema != null) {
            return schema.validate(object).stream().map(ValidationMessage::getMessage).sorted().toList();
        }
        Object typed;
        try {
            typed = KUBERNETES.unmarshal(object.toString());
        } catch (RuntimeException e) {
            Throwable cause = e; // the client wraps Jackson's message, which names the field and the type
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String message = cause.getMessage().lines().findFirst().orElse("");
            return List.of("does not match the Kubernetes API model: " + message);
        }
        if (typed instanceof GenericKubernetesResource) {
            return List.of("no schema known for " + type + " (not a built-in kind; pass its CRD with --crd)");
        }
        List<String> problems = new ArrayList<>();
        walk(typed, "", problems);
        return problems;
    }

    /** Reports every field that deserialisation could not place, i.e. every non-empty additionalProperties. */
    private static void walk(Object value, String path, List<String> problems) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, problems));
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", problems);
            }
        } else if (value != null && value.getClass().getName().startsWith("io.fabric8.")
                && !value.getClass().isEnum()) {
            for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    Object fieldValue = read(field, value);
                    if (field.getName().equals("additionalProperties")) {
                        ((Map<?, ?>) fieldValue).keySet().forEach(key -> problems.add(
                                "$" + path + "." + key + ": unknown field (not in the Kubernetes API schema)"));
                    } else {
                        walk(fieldValue, path + "." + jsonName(field), problems);
                    }
                }
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private static String jsonName(Field field) {
        JsonProperty property = field.getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : field.getName();
    }

    /**
     * Sets {@code additionalProperties: false} on every object schema that lists its properties and does not itself
     * allow more, following the structural skeleton (properties, items, additionalProperties). Logical junctors
     * (allOf/anyOf/oneOf/not) are left alone: in a structural CRD schema they only restrict, they add no fields.
     */
    static void closeObjects(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        if (node.has("properties") && !node.has("additionalProperties")
                && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            node.put("additionalProperties", false);
        }
        node.path("properties").forEach(ManifestValidator::closeObjects);
        JsonNode items = node.path("items");
        if (items.isArray()) {
            items.forEach(ManifestValidator::closeObjects);
        } else {
            closeObjects(items);
        }
        closeObjects(node.path("additionalProperties"));
    }
}
