package fr.hubag.servicekit.openapi;

import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.web.StrictText;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Documents the error answers every service gives through {@link fr.hubag.servicekit.problem.ProblemMappers}, so
 * that resources only annotate what is their own (success answers, and a sharper description of an error when
 * they have one). Each operation gets, unless it already lists it, as {@code application/problem+json}:
 * 400 if it reads a body or parameters; 401 and 403 if it needs a token; 404 if its path names a resource;
 * 409 if it writes to a resource its path names; 422 if it writes to such a resource or takes an
 * {@code Idempotency-Key}. A listed error answer without content gets the Problem content, and one with only the
 * generic reason phrase Quarkus adds on its own ("Bad Request") gets the platform's description.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final Set<String> REASON_PHRASES = Set.of("Bad Request", "Unauthorized", "Not Authorized",
            "Forbidden", "Not Allowed", "Not Found", "Conflict", "Unprocessable Content", "Unprocessable Entity");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        boundTexts(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                document(path, item, method, operation, securedByDefault)));
    }

    private static void document(String path, PathItem item, PathItem.HttpMethod method, Operation operation,
                                 boolean securedByDefault) {
        boolean readsInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || (item.getParameters() != null && !item.getParameters().isEmpty());
        boolean secured = operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : securedByDefault;
        boolean namesResource = path.contains("{");
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;

        Map<String, String> errors = new LinkedHashMap<>();
        if (readsInput) {
            errors.put("400", "Malformed request; every faulty field is named");
        }
        if (secured) {
            errors.put("401", "No valid bearer token");
            errors.put("403", "Role not allowed, or territory not covered by the token");
        }
        if (namesResource) {
            errors.put("404", "Not found");
        }
        if (writes && namesResource) {
            errors.put("409", "Stale If-Match or a concurrent change; reload and retry");
        }
        boolean idempotent = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()));
        if (writes && (namesResource || idempotent)) {
            errors.put("422", "Refused by a business rule, or Idempotency-Key reused with a different request");
        }

        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        Map<String, APIResponse> all = new LinkedHashMap<>(
                responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses());
        errors.forEach((code, description) -> {
            APIResponse listed = all.get(code);
            if (listed == null) {
                all.put(code, OASFactory.createAPIResponse().description(description));
            } else if (listed.getDescription() == null || REASON_PHRASES.contains(listed.getDescription())) {
                listed.setDescription(description);
            }
        });
        all.forEach((code, response) -> {
            if (code.startsWith("4") && response.getRef() == null
                    && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
            }
        });
        // codes in order, as a reader scans them
        Map<String, APIResponse> sorted = new LinkedHashMap<>();
        all.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        responses.setAPIResponses(sorted);
        operation.setResponses(responses);
    }

    /**
     * Every free text of every schema is declared with the bound {@link StrictText} enforces, so clients read the
     * limit where they read the field (an enumeration or a pattern is bound already).
     */
    private static void boundTexts(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        openAPI.getComponents().getSchemas().values().forEach(ProblemResponses::bound);
    }

    private static void bound(Schema schema) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ProblemResponses::bound);
        }
        if (schema.getItems() != null) {
            bound(schema.getItems());
        }
        boolean text = schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING);
        if (text && schema.getEnumeration() == null && schema.getFormat() == null && schema.getPattern() == null
                && schema.getMaxLength() == null) {
            schema.setMaxLength(StrictText.MAX_LENGTH);
        }
    }
}
