package fr.hubag.projection.actors.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.hubag.domain.Territory;
import fr.hubag.projection.actors.export.StandardExport;
import fr.hubag.projection.actors.read.AidantQueries;
import fr.hubag.projection.actors.read.DirectoryQueries;
import fr.hubag.projection.actors.read.LabelQueries;
import fr.hubag.projection.actors.read.MapQueries;
import fr.hubag.projection.actors.read.StatsQueries;
import fr.hubag.projection.shared.QueryParams;
import fr.hubag.projection.shared.Scope;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The read models' entry: {@code /api/projection/territories/{territory}} reads one territory's schema,
 * {@code /api/projection/hub} the hub-wide one. Both scopes offer the same endpoints ({@link ScopeResource}), so
 * they are one class behind two sub-resource locators rather than two copies.
 */
@Path("/api/projection")
public class ProjectionResource {

    /** Everything a scope's endpoints read with, injected once (a singleton: no proxy, fields read directly). */
    @Singleton
    public static class ReadModels {
        final DirectoryQueries directory;
        final MapQueries map;
        final LabelQueries labels;
        final AidantQueries aidants;
        final StatsQueries stats;
        final StandardExport export;
        final ObjectMapper json;
        final CurrentIdentityAssociation identity;

        public ReadModels(DirectoryQueries directory, MapQueries map, LabelQueries labels, AidantQueries aidants,
                          StatsQueries stats, StandardExport export, ObjectMapper json,
                          CurrentIdentityAssociation identity) {
            this.directory = directory;
            this.map = map;
            this.labels = labels;
            this.aidants = aidants;
            this.stats = stats;
            this.export = export;
            this.json = json;
            this.identity = identity;
        }
    }

    private final ReadModels readModels;

    public ProjectionResource(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Path("/territories/{territory}")
    @PermitAll
    public ScopeResource territory(@PathParam("territory")
                                   @Parameter(description = "GP Guadeloupe, GF Guyane, MQ Martinique, MF Saint-Martin",
                                           schema = @Schema(type = SchemaType.STRING,
                                                   enumeration = {"GP", "GF", "MQ", "MF"}))
                                   String territory) {
        Territory t = Territory.parse(territory).orElseThrow(QueryParams::badTerritory);
        return new ScopeResource(Scope.of(t), readModels);
    }

    @Path("/hub")
    @PermitAll
    public ScopeResource hub() {
        return new ScopeResource(Scope.HUB, readModels);
    }
}
