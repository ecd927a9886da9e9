package fr.hubag.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract check ignores the order of arrays and fields (a build's scan order), and nothing else. */
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theOrderOfTagsParametersAndFieldsIsNotAChangeButAValueIs() throws Exception {
        JsonNode committed = JSON.readTree("""
                {"tags": [{"name": "orders", "description": "Orders"}, {"name": "passes", "description": "Passes"}],
                 "paths": {"/a": {"parameters": [{"name": "x", "in": "query"}, {"name": "y", "in": "path"}]}}}""");
        JsonNode reordered = JSON.readTree("""
                {"paths": {"/a": {"parameters": [{"in": "path", "name": "y"}, {"in": "query", "name": "x"}]}},
                 "tags": [{"description": "Passes", "name": "passes"}, {"description": "Orders", "name": "orders"}]}""");
        JsonNode changed = JSON.readTree("""
                {"tags": [{"name": "orders", "description": "Orders"}, {"name": "passes", "description": "Passes"}],
                 "paths": {"/a": {"parameters": [{"name": "x", "in": "query"}, {"name": "z", "in": "path"}]}}}""");

        assertThat(OpenApiContract.canonical(reordered)).isEqualTo(OpenApiContract.canonical(committed));
        assertThat(OpenApiContract.canonical(changed)).isNotEqualTo(OpenApiContract.canonical(committed));
        assertThat(OpenApiContract.firstDifference("", committed, changed)).startsWith("/paths/")
                .endsWith("/parameters");
    }
}
