package fr.hubag.projection.actors.api;

import fr.hubag.projection.actors.domain.Vocabulary;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the allowed values of the vocabulary parameters into the OpenAPI document from {@link Vocabulary}, the
 * list the endpoints check against, so the contract cannot drift from the code (annotations would need a copy).
 */
public class VocabularyInOpenApi implements OASFilter {

    private static final Map<String, List<String>> VALUES = Map.of(
            "service", Vocabulary.SERVICES,
            "public", Vocabulary.PUBLICS,
            "label", Vocabulary.LABELS,
            "modality", Vocabulary.MODALITIES);

    @Override
    public Parameter filterParameter(Parameter parameter) {
        List<String> values = VALUES.get(parameter.getName());
        if (values != null && parameter.getSchema() != null) {
            parameter.getSchema().setEnumeration(new ArrayList<>(values));
        }
        return parameter;
    }
}
