package fr.hubag.projection.sessions.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import fr.hubag.servicekit.openapi.ProblemResponses;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.List;

/**
 * Documents the {@code territory} of the read models' territory paths that take it as a field (the sessions' and
 * the vouchers': a field of {@link TerritorySessionsResource} while the methods are {@link SessionsEndpoints}'s), since
 * the scanner documents only the parameters of the methods it reads.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class TerritoryInOpenApi implements OASFilter {

    static final String PREFIX = "/api/projection/territories/{territory}/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            boolean named = item.getParameters() != null
                    && item.getParameters().stream().anyMatch(p -> "territory".equals(p.getName()));
            if (path.startsWith(PREFIX) && !named) {
                item.addParameter(OASFactory.createParameter().name("territory").in(Parameter.In.PATH)
                        .required(true).description("GP Guadeloupe, GF Guyane, MQ Martinique, MF Saint-Martin")
                        .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                                .enumeration(List.of("GP", "GF", "MQ", "MF"))));
            }
        });
        // the service kit's error answers depend on an operation's parameters (400 once it reads one): documented
        // again now that these have theirs, so the document does not depend on which build filter ran first
        new ProblemResponses().filterOpenAPI(openAPI);
    }
}
